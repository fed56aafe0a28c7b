"""``python -m sampleweb serve|static|bench``: serve, write to files, or time the server.

``serve --faults`` serves the fault-injecting web (sampleweb/faults.py) and lists
where each fault sits; ``--write-sites`` then writes the registry a crawl of it needs.
"""

from __future__ import annotations

import argparse
import sys
import time

from sampleweb.server import SampleWebServer
from sampleweb.static import write_static
from sampleweb.web import SampleWeb, build_sample_web


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sampleweb")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve on loopback until Ctrl-C")
    static = commands.add_parser("static", help="render every URL to files + manifest")
    bench = commands.add_parser("bench", help="pages/s for one keep-alive client")
    for command in (serve, static, bench):
        command.add_argument("--articles-per-site", type=int, default=12)
        command.add_argument("--sites", type=int, default=None)
        command.add_argument("--seed", type=int, default=0)
        command.add_argument("--page-size", type=int, default=None)
        command.add_argument("--host-base", default="127.0.0")
    serve.add_argument("--port", type=int, default=0)
    serve.add_argument("--crawl-delay", type=float, default=None)
    serve.add_argument("--write-sites", metavar="FILE", help="write a registry for the sites")
    serve.add_argument(
        "--faults", action="store_true", help="inject the fault catalogue (sampleweb/faults.py)"
    )
    serve.add_argument(
        "--fault-timeout",
        type=float,
        default=2.0,
        help="the crawler's download timeout, which slow faults exceed",
    )
    static.add_argument("directory")
    static.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if args.command == "bench":
        return _bench(args)
    web = build_sample_web(
        args.articles_per_site,
        args.sites,
        args.seed,
        page_size=args.page_size,
        crawl_delay=getattr(args, "crawl_delay", None),
    )
    if args.command == "static":
        print(write_static(web, args.directory, args.host_base, args.port))
        return 0
    return _serve(web, args)


def _bench(args: argparse.Namespace) -> int:
    from sampleweb.throughput import measure

    for label, (pages, seconds) in zip(
        ("cold", "warm"), measure(args.articles_per_site, args.sites, args.seed), strict=True
    ):
        print(f"{label}: {pages} pages in {seconds:.2f} s = {pages / seconds:.0f} pages/s")
    return 0


def _serve(web: SampleWeb, args: argparse.Namespace) -> int:
    faulty = None
    if args.faults:
        from sampleweb.faults import FaultyWeb

        faulty = FaultyWeb(web, timeout=args.fault_timeout)
    server = SampleWebServer(web, args.host_base, args.port,
                             faults=faulty.faults if faulty else None)  # fmt: skip
    server.start()
    for site in web.sites:
        print(f"{site.id:14} {site.cms:10} {server.urls[site.id]}{site.start_path}  {site.name}")
    if faulty is not None:
        for injection in faulty.injected:
            where = faulty.absolute(injection, injection.path) if injection.path else "every page"
            print(f"fault {injection.fault.name:20} {injection.site_id:10} {where}")
    if args.write_sites:
        target = faulty.write_sites(server, args.write_sites) if faulty else server.write_sites(
            args.write_sites)  # fmt: skip
        print(f"registry: {target}")
    print("serving; Ctrl-C to stop", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
