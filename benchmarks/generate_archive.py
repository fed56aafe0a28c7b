"""Generate a large synthetic archive: realistic Vietnamese articles straight into SQLite.

    python benchmarks/generate_archive.py benchmarks/out/archive-50k.db --articles 50000

The rows look like what `archive.store.writer` writes (articles, article_urls,
article_versions, pages, simhash_bands, the folded FTS index, a crawl per
site), over the packaged registry of schools, with publication dates from
2012 on, a few percent of near-copies across sites and of changed articles,
and some missing dates and authors, so every page and canned query has
something to show. It is fast and flat in memory: sentences are drawn from a
pool built (and folded for the index) once, rows go in with executemany, one
transaction per batch. Simhashes are random unless --real-simhash.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.sites import registry  # noqa: E402
from archive.store import dedup  # noqa: E402
from archive.store import writer as store  # noqa: E402
from archive.store.migrations import open_db  # noqa: E402
from archive.store.search import fold  # noqa: E402

# Words and phrases of the genre, most frequent first (sentences draw them on a Zipf curve).
COMMON = (
    "công tác",
    "cán bộ",
    "đảng viên",
    "Đảng ủy",
    "Nhà trường",
    "học viên",
    "giảng viên",
    "nhiệm vụ",
    "chính trị",
    "đào tạo",
    "bồi dưỡng",
    "nâng cao",
    "chất lượng",
    "triển khai",
    "thực hiện",
    "tổ chức",
    "hội nghị",
    "kết quả",
    "phát triển",
    "nghị quyết",
    "lãnh đạo",
    "chỉ đạo",
    "tỉnh ủy",
    "trung ương",
    "xây dựng Đảng",
    "hệ thống chính trị",
    "cơ sở",
    "năm học",
    "lớp học",
    "trung cấp lý luận chính trị",
    "cao cấp lý luận chính trị",
    "khai giảng",
    "bế giảng",
    "tổng kết",
    "sơ kết",
    "phương hướng",
    "giải pháp",
    "đổi mới",
    "nội dung",
    "chương trình",
    "phương pháp giảng dạy",
    "nghiên cứu khoa học",
    "đề tài",
    "hội thảo",
    "tư tưởng Hồ Chí Minh",
    "chủ nghĩa Mác - Lênin",
    "đạo đức",
    "phong cách",
    "học tập và làm theo",
    "thi đua",
    "khen thưởng",
    "chi bộ",
    "sinh hoạt",
    "Ban Giám hiệu",
    "khoa Xây dựng Đảng",
    "khoa Lý luận cơ sở",
    "khoa Nhà nước và Pháp luật",
    "khoa Dân vận",
    "phòng Quản lý đào tạo",
    "Công đoàn",
    "Đoàn Thanh niên",
    "thực tế",
    "tham quan",
    "báo cáo",
    "đánh giá",
    "kiểm tra",
    "giám sát",
    "kỷ luật",
    "kỷ cương",
    "dân chủ",
    "đoàn kết",
    "trách nhiệm",
    "hiệu quả",
    "chuyển đổi số",
    "ứng dụng công nghệ thông tin",
    "cải cách hành chính",
    "quốc phòng",
    "an ninh",
    "kinh tế - xã hội",
    "văn hóa",
    "truyền thống",
    "kỷ niệm",
    "ngày thành lập",
    "Đại hội",
    "nhiệm kỳ",
    "bầu cử",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Mặt trận Tổ quốc",
    "hội viên",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "nông dân",
    "doanh nghiệp",
    "đồng chí",
    "phát biểu",
    "chúc mừng",
    "ghi nhận",
    "biểu dương",
    "đề nghị",
    "quán triệt",
    "tuyên truyền",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "đấu tranh phản bác",
    "quan điểm sai trái",
    "thù địch",
    "hòa bình",
    "độc lập",
    "tự do",
    "hạnh phúc",
    "chủ quyền",
    "biển đảo",
)
RARE = (
    "thư viện điện tử",
    "ký túc xá",
    "giáo trình",
    "tài liệu tham khảo",
    "tiểu luận",
    "khóa luận",
    "luận văn",
    "hệ thống quản lý",
    "phần mềm",
    "điểm cầu trực tuyến",
    "máy chiếu",
    "hội trường",
    "khuôn viên",
    "cây xanh",
    "hiến máu tình nguyện",
    "từ thiện",
    "nhà tình nghĩa",
    "bão lũ",
    "hạn hán",
    "xâm nhập mặn",
    "dịch COVID-19",
    "tiêm chủng",
    "giãn cách",
    "trực tuyến",
    "hybrid",
    "ISO 9001:2015",
    "kiểm định",
    "chuẩn hóa",
    "vị trí việc làm",
    "tinh giản biên chế",
    "sắp xếp đơn vị hành chính",
    "sáp nhập tỉnh",
    "chính quyền hai cấp",
    "Nghị quyết số 18-NQ/TW",
    "Quy định số 09-QĐi/TW",
    "Chỉ thị số 05-CT/TW",
    "Kết luận số 01-KL/TW",
    "hội thi giảng viên dạy giỏi",
    "bài giảng mẫu",
    "tọa đàm",
    "diễn đàn",
    "kỷ yếu",
    "tạp chí",
    "bản tin",
    "cổng thông tin",
    "di tích lịch sử",
    "khu căn cứ cách mạng",
    "nghĩa trang liệt sĩ",
    "dâng hương",
    "Tết Nguyên đán",
    "Quốc khánh 2/9",
    "ngày Nhà giáo Việt Nam 20/11",
    "mùa xuân",
    "giải bóng đá",
    "hội diễn văn nghệ",
    "cồng chiêng",
    "dân tộc thiểu số",
    "vùng sâu vùng xa",
    "biên giới",
    "xóa đói giảm nghèo",
    "nông thôn mới",
    "OCOP",
    "du lịch cộng đồng",
)
SUBJECTS = (
    "Đảng ủy Nhà trường",
    "Ban Giám hiệu",
    "Nhà trường",
    "Chi bộ khoa Xây dựng Đảng",
    "Công đoàn cơ sở",
    "Đoàn Thanh niên Nhà trường",
    "Hội đồng khoa học",
    "các khoa, phòng",
    "đội ngũ giảng viên",
    "học viên các lớp",
    "Ban Tổ chức",
    "đồng chí Hiệu trưởng",
)
VERBS = (
    "đã tổ chức",
    "tiếp tục triển khai",
    "quán triệt",
    "thực hiện tốt",
    "chú trọng",
    "tập trung",
    "đẩy mạnh",
    "phối hợp",
    "hoàn thành",
    "đề ra",
    "thảo luận",
    "đánh giá",
)
TITLES = (
    "Khai giảng lớp {course} khóa {n}",
    "Bế giảng lớp {course} khóa {n}",
    "Hội nghị sơ kết {topic} 6 tháng đầu năm {year}",
    "Tổng kết {topic} năm {year}",
    "Hội thảo khoa học về {topic}",
    "Đảng bộ Trường Chính trị {province} tổ chức Đại hội",
    "Học viên lớp {course} đi nghiên cứu thực tế tại {province}",
    "Trường Chính trị {province} triển khai {topic}",
    "Nâng cao chất lượng {topic}",
    "{topic}: kết quả và kinh nghiệm",
    "Kỷ niệm {n} năm ngày thành lập Trường",
    "Hội thi giảng viên dạy giỏi năm {year}",
    "Tọa đàm về {topic}",
)
COURSES = (
    "trung cấp lý luận chính trị",
    "cao cấp lý luận chính trị",
    "bồi dưỡng kết nạp Đảng",
    "bồi dưỡng đảng viên mới",
    "bồi dưỡng chuyên viên",
    "bồi dưỡng lãnh đạo cấp phòng",
    "bồi dưỡng đại biểu Hội đồng nhân dân",
    "quốc phòng và an ninh đối tượng 4",
)
AUTHORS = (
    "Nguyễn Thị Nhàn",
    "Hồ Minh Đức",
    "Đỗ Xuân Hoà",
    "Võ Thị Nhiên",
    "Trần Quốc Việt",
    "Lê Văn Hiếu",
    "Phạm Thị Thanh Tâm",
    "Bùi Quang Huy",
    "Đặng Thị Kim Oanh",
    "Ngô Minh Tuấn",
    "Huỳnh Văn Sáu",
    "Dương Thị Hồng Nhung",
    "Trịnh Xuân Lộc",
    "Lý Thị Bích Ngọc",
    "Vũ Đình Khoa",
    "Hoàng Thị Thu Trang",
    "Cầm Văn Đoàn",
    "Đào Thị Hải Yến",
    "Minh Châu",
    "Thanh Tùng",
    "Ngọc Hân",
    "Bảo Anh",
    "Hà Lan",
    "Quốc Bảo",
    "Thu Hiền",
    "Phương Nam",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Cầm")  # fmt: skip
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Công", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiền", "Hòa", "Hùng",
         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhàn", "Phong", "Phúc",
         "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Tuấn", "Tùng", "Vân",
         "Việt", "Yến", "Lộc", "Oanh", "Khoa", "Nhung", "Đoàn")  # fmt: skip
PLACES = ("xã", "phường", "thôn", "bản", "ấp")
START, END = date(2012, 1, 1), date(2026, 6, 30)
T = "%Y-%m-%dT%H:%M:%SZ"


class Pool:
    """Sentences drawn once (and folded once), then recombined into articles."""

    def __init__(self, rng: random.Random, size: int, provinces: list[str]):
        words = COMMON + RARE
        weights = [1 / (i + 1) ** 1.1 for i in range(len(words))]
        self.sentences: list[str] = []
        for _ in range(size):
            picked = rng.choices(words, weights, k=rng.randint(3, 6))
            parts = [rng.choice(SUBJECTS), rng.choice(VERBS), *picked[:2], "nhằm", *picked[2:]]
            if rng.random() < 0.3:
                parts += ["tại", rng.choice(provinces)]
            if rng.random() < 0.4:
                parts += ["với", str(rng.randint(2, 400)), "học viên"]
            sentence = " ".join(parts)
            self.sentences.append(sentence[0].upper() + sentence[1:] + ".")
        self.folded = [fold(s) for s in self.sentences]


def month_weighted_day(rng: random.Random) -> date:
    """A publication date, more of them in recent years (sites grew, old pages were lost)."""
    span = (END - START).days
    return START + timedelta(days=int(span * rng.random() ** 0.6))


def article_rows(
    n: int, seed: int, sites: list[registry.Site], fetched: str
) -> Iterator[dict[str, object]]:
    """Articles as plain dictionaries, id 1..n; memory holds only the last few hundred texts."""
    rng = random.Random(seed)
    provinces = sorted({s.province for s in sites})
    pool = Pool(rng, 30_000, provinces)
    site_weights = [rng.uniform(0.2, 3.0) for _ in sites]
    recent: deque[dict[str, object]] = deque(maxlen=500)
    for article_id in range(1, n + 1):
        site = rng.choices(sites, site_weights)[0]
        day = month_weighted_day(rng)
        if recent and rng.random() < 0.03:  # a near-copy of a recent article on another site
            original = rng.choice(recent)
            others = [s for s in sites if s.id != original["site_id"]]
            site = rng.choice(others)
            picks = list(original["_picks"])  # type: ignore[call-overload]
            picks[-1] = rng.randrange(len(pool.sentences))
            title = str(original["title"])
            duplicate_of = original["id"]
            day = date.fromisoformat(str(original["published"] or day.isoformat())) + timedelta(1)
        else:
            picks = [rng.randrange(len(pool.sentences)) for _ in range(rng.randint(12, 45))]
            title = rng.choice(TITLES).format(
                course=rng.choice(COURSES), n=rng.randint(1, 80), year=day.year,
                topic=rng.choice(COMMON), province=site.province,
            )  # fmt: skip
            duplicate_of = None
        speaker = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)))
        place = f"{rng.choice(PLACES)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        opening = (
            f"Ngày {day.day}/{day.month}/{day.year}, tại {place}, {site.name} tổ chức hoạt động "
            f"số {article_id}; đồng chí {speaker} phát biểu."
        )  # the rare words: a person and a place, a few articles each
        paragraphs, folded, i = [opening], [fold(opening)], 0
        while i < len(picks):
            step = rng.randint(2, 5)
            paragraphs.append(" ".join(pool.sentences[j] for j in picks[i : i + step]))
            folded.append(" ".join(pool.folded[j] for j in picks[i : i + step]))
            i += step
        text = "\n\n".join(paragraphs)
        row: dict[str, object] = {
            "id": article_id,
            "site_id": site.id,
            "url": f"https://{site.allowed_domains[0]}/tin-tuc/{article_id}.html",
            "title": title,
            "published": None if rng.random() < 0.04 else day.isoformat(),
            "author": None if rng.random() < 0.12 else rng.choice(AUTHORS),
            "text": text,
            "word_count": len(text.split()),
            "duplicate_of": duplicate_of,
            "version": 2 if rng.random() < 0.01 else 1,
            "first_seen": fetched,
            "_folded": ("\n\n".join(folded), fold(title)),
            "_picks": picks,
        }
        recent.append(row)
        yield row


def generate(
    path: str | Path,
    n: int,
    *,
    seed: int = 1,
    batch: int = 2000,
    real_simhash: bool = False,
    progress: bool = False,
) -> float:
    """Write n articles into a new archive at path; returns the seconds it took."""
    started = time.monotonic()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_db(str(path))
    sites = registry.load_sites()
    store.save_sites(db, sites)
    fetched = "2026-07-01T02:00:00Z"
    conn = db.conn
    conn.execute("pragma synchronous = off")
    with conn:
        conn.execute(
            "insert into crawls(id, started, ended, status, sites, pid) values "
            "(1, '2026-07-01T00:00:00Z', '2026-07-01T06:00:00Z', 'finished', '[]', 0)"
        )
        conn.executemany(
            "insert into crawl_sites(crawl_id, site_id, status) values (1, ?, 'ok')",
            [(s.id,) for s in sites],
        )
    rng = random.Random(seed + 1)
    rows: list[dict[str, object]] = []
    for row in article_rows(n, seed, sites, fetched):
        rows.append(row)
        if len(rows) == batch:
            _insert(conn, rows, rng, fetched, real_simhash)
            rows = []
            if progress:
                print(f"\r{row['id']:,} articles", end="", file=sys.stderr, flush=True)
    if rows:
        _insert(conn, rows, rng, fetched, real_simhash)
    with conn:
        conn.execute(
            "update crawls set pages = (select count(*) from pages), "
            "articles_new = (select count(*) from articles) where id = 1"
        )
    conn.execute("pragma optimize")
    db.close()
    if progress:
        print(file=sys.stderr)
    return time.monotonic() - started


def _insert(conn, rows, rng, fetched, real_simhash) -> None:  # type: ignore[no-untyped-def]
    articles, urls, versions, fts, bands, pages, sketches = [], [], [], [], [], [], []
    for r in rows:
        text = str(r["text"])
        digest = hashlib.sha256(text.encode()).hexdigest()
        value = dedup.simhash(text) if real_simhash else rng.getrandbits(64)
        updated = "2026-07-01T04:00:00Z" if r["version"] == 2 else fetched
        articles.append((
            r["id"], r["site_id"], r["url"], r["title"], r["published"], r["author"], text,
            r["word_count"], digest, dedup.to_hex(value), "vi", fetched, fetched, updated,
            r["version"], r["duplicate_of"],
        ))  # fmt: skip
        urls.append((r["url"], r["id"], r["site_id"], fetched, fetched))
        first = text if r["version"] == 1 else text[: len(text) * 2 // 3]
        first_digest = digest if r["version"] == 1 else hashlib.sha256(first.encode()).hexdigest()
        versions.append((r["id"], 1, fetched, r["title"], r["published"], r["author"], first,
                         first_digest))  # fmt: skip
        if r["version"] == 2:
            versions.append((r["id"], 2, updated, r["title"], r["published"], r["author"], text,
                             digest))  # fmt: skip
        folded_text, folded_title = r["_folded"]
        fts.append((r["id"], folded_title, folded_text))
        bands.extend((band, bits, r["id"]) for band, bits in dedup.bands(value))
        if real_simhash:  # else older articles: the lookup sketches them when it reads them
            sketches.append((r["id"], dedup.sketch(text)))
        pages.append((r["url"], r["site_id"], 200, "article", fetched, r["id"], None))
        if rng.random() < 0.01:
            broken = f"{r['url']}?page=broken"
            pages.append((broken, r["site_id"], 500, "error", fetched, None, "HTTP 500"))
    with conn:
        conn.executemany(
            "insert into articles(id, site_id, url, title, published, author, text, word_count, "
            "content_hash, simhash, language, first_seen, last_seen, updated, version, "
            "duplicate_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            articles,
        )
        conn.executemany(
            "insert into article_urls(url, article_id, site_id, first_seen, last_seen) "
            "values (?, ?, ?, ?, ?)",
            urls,
        )
        conn.executemany(
            "insert into article_versions(article_id, version, captured_at, title, published, "
            "author, text, content_hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
            versions,
        )
        conn.executemany("insert into articles_fts(rowid, title, text) values (?, ?, ?)", fts)
        conn.executemany(
            "insert into simhash_bands(band, bits, article_id) values (?, ?, ?)", bands
        )
        conn.executemany("insert into minhash_sketches(article_id, sketch) values (?, ?)", sketches)
        conn.executemany(
            "insert into pages(url, site_id, status, kind, fetched, article_id, error) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            pages,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="the archive file to (re)create")
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=2000, help="rows per transaction")
    parser.add_argument("--real-simhash", action="store_true", help="compute real simhashes")
    args = parser.parse_args(argv)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    seconds = generate(
        args.db, args.articles, seed=args.seed, batch=args.batch,
        real_simhash=args.real_simhash, progress=True,
    )  # fmt: skip
    size = Path(args.db).stat().st_size / 1e6
    print(f"{args.articles:,} articles in {seconds:.1f} s ({args.articles / seconds:,.0f}/s), "
          f"{args.db}: {size:,.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
