#!/usr/bin/env python3
"""Self-check for the blind evaluation set (pages/, and discovery/ when present).

Sixteenth blind set (/work/blind16): 36 pages, 18 layouts x 2 (anchor-cms …
yola, see README.md), sealed = second page of the last 12 layouts in
alphabetical order (htmly … yola), no discovery web (the discovery part is
skipped when discovery/ is absent). Every page is on its own host, so no layout
is exempt from the one-host-per-page check.

Plain python3, standard library only, no project imports. Run:

    python3 /work/blind16/check_blind.py         # from anywhere, or
    python3 check_blind.py                       # from this folder

It checks that every expected string of a page really occurs in the page as a
reader sees it (decoded with the declared charset, tags stripped, entities
unescaped, NFC, whitespace collapsed), that every must_not snippet occurs in
the page but NOT in the expected body, and that the discovery sites are
self-consistent (every article is reachable from the start page by links or
sitemaps, no absolute links to the site's own host, dead links really 404).
Exit status 0 = all good.
"""
import glob
import gzip
import html
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict, deque
from urllib.parse import quote, unquote, urljoin, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, 'pages')
DISC = os.path.join(HERE, 'discovery')

CMS_ALLOWED = {'nukeviet', 'liferay', 'websphere', 'drupal', 'joomla', 'aspnet', 'dotnetnuke', 'kentico', 'phpnuke', 'wordpress'}
INLINE = {'a', 'abbr', 'b', 'big', 'em', 'font', 'i', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'o:p', 'time', 'label',
          'q', 'cite', 'code', 'st1:place', 'st1:city'}
EXTERNAL_OK = ('facebook.com', 'zalo.me', 'twitter.com', 'x.com', 'sp.zalo.me', 'www.facebook.com')
# layouts served only from the platform's own host (none in set 16)
SINGLE_HOST_PLATFORMS = set()  # none in this set
COMBINING_TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}

errors = []
warnings = []


def err(where, msg):
    errors.append('%s: %s' % (where, msg))


def sniff_meta_charset(raw):
    head = raw[:4096].decode('ascii', 'replace')
    m = re.search(r'<meta[^>]+charset\s*=\s*["\']?([A-Za-z0-9_\-]+)', head, re.I)
    return m.group(1).lower() if m else None


def decode_page(raw, http_enc):
    """HTTP header wins over <meta>; default utf-8 (as a browser would for these pages)."""
    enc = http_enc or sniff_meta_charset(raw) or 'utf-8'
    return raw.decode(enc), enc


def _tag_repl(m):
    name = m.group(1).lower()
    return '' if name in INLINE else ' '


def visible_text(doc, body_only=True):
    if body_only:
        m = re.search(r'<body\b', doc, re.I)
        if m:
            doc = doc[m.start():]
    doc = re.sub(r'<!--.*?-->', ' ', doc, flags=re.S)
    doc = re.sub(r'<(script|style)\b.*?</\1\s*>', ' ', doc, flags=re.S | re.I)
    doc = re.sub(r'<br\s*/?>', ' ', doc, flags=re.I)
    doc = re.sub(r'</?([A-Za-z][A-Za-z0-9:]*)\b[^>]*>', _tag_repl, doc)
    doc = re.sub(r'<![^>]*>', ' ', doc)
    doc = html.unescape(doc).replace('\xa0', ' ')
    doc = unicodedata.normalize('NFC', doc)
    return re.sub(r'\s+', ' ', doc).strip()


def norm(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', s).replace('\xa0', ' ')).strip()


def hrefs(doc, tag_attr=(('a', 'href'), ('link', 'href'))):
    out = []
    for tag, at in tag_attr:
        for m in re.finditer(r'<%s\b[^>]*>' % tag, doc, re.I):
            t = m.group(0)
            a = re.search(r'\b%s\s*=\s*("([^"]*)"|\'([^\']*)\'|([^\s>]+))' % at, t, re.I)
            if a:
                v = a.group(2) if a.group(2) is not None else (a.group(3) if a.group(3) is not None else a.group(4))
                out.append((t, html.unescape(v)))
    return out


# ----------------------------------------------------------------------------- pages
def check_pages():
    jsons = sorted(glob.glob(os.path.join(PAGES, '*.json')))
    if len(jsons) < 36:
        err('pages', 'only %d pages (< 36)' % len(jsons))
    layouts = defaultdict(list)
    splits = Counter()
    cp1258 = []
    wrong_meta = []
    nocms_layouts = set()
    hinted = 0
    for jp in jsons:
        where = os.path.basename(jp)
        with open(jp, encoding='utf-8') as f:
            j = json.load(f)
        for k in ('id', 'file', 'layout', 'split', 'url', 'http_encoding', 'hints', 'notes', 'expected', 'paragraphs', 'captions', 'bylines', 'must_not'):
            if k not in j:
                err(where, 'missing key %s' % k)
        e = j['expected']
        for k in ('title', 'date', 'published_at', 'author', 'source', 'canonical_url', 'attachments'):
            if k not in e:
                err(where, 'missing expected.%s' % k)
        if j['id'] + '.json' != os.path.basename(jp) or j['file'] != j['id'] + '.html':
            err(where, 'id/file name mismatch')
        if not j['id'].startswith(j['layout'] + '-'):
            err(where, 'id does not start with layout')
        if j['split'] not in ('blind', 'sealed'):
            err(where, 'bad split')
        splits[j['split']] += 1
        layouts[j['layout']].append(j)
        if j['hints']:
            hinted += 1
            if set(j['hints']) != {'cms'} or j['hints']['cms'] not in CMS_ALLOWED:
                err(where, 'bad hints %r' % j['hints'])
        if e['date'] is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', e['date']):
            err(where, 'bad date')
        if e['published_at'] is not None:
            if not re.fullmatch(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00', e['published_at']):
                err(where, 'bad published_at')
            elif e['published_at'][:10] != e['date']:
                err(where, 'published_at day != date')
        if not (4 <= len(j['paragraphs']) <= 12):
            err(where, '%d paragraphs (want 4-12)' % len(j['paragraphs']))
        if not (10 <= len(j['must_not']) <= 30):
            err(where, '%d must_not snippets (want 10-30)' % len(j['must_not']))

        path = os.path.join(PAGES, j['file'])
        if not os.path.exists(path):
            err(where, 'html file missing')
            continue
        raw = open(path, 'rb').read()
        try:
            doc, enc = decode_page(raw, j['http_encoding'])
        except (UnicodeDecodeError, LookupError) as ex:
            err(where, 'cannot decode: %s' % ex)
            continue
        if '\ufffd' in doc:
            err(where, 'replacement characters after decoding')
        if enc.replace('_', '-') in ('windows-1258', 'cp1258'):
            cp1258.append(j['id'])
            if not any(c in COMBINING_TONES for c in doc):
                err(where, 'windows-1258 page without decomposed tone marks')

        meta = sniff_meta_charset(raw)
        if meta and meta.replace('_', '-') != enc.replace('_', '-'):
            wrong_meta.append(j['id'])
        text = visible_text(doc)
        body_expect = [norm(e['title'])] + [norm(p) for p in j['paragraphs']] + [norm(c) for c in j['captions']]
        if norm(e['title']) not in text:
            err(where, 'title not in visible text')
        pos = -1
        for p in j['paragraphs']:
            i = text.find(norm(p))
            if i < 0:
                err(where, 'paragraph not found: %r' % p[:70])
            elif i < pos:
                err(where, 'paragraph out of order: %r' % p[:70])
            else:
                pos = i
        for c in j['captions']:
            if norm(c) not in text:
                err(where, 'caption not found: %r' % c[:70])
            if any(norm(c) == norm(p) for p in j['paragraphs']):
                err(where, 'caption duplicated as paragraph')
        for b in j['bylines']:
            if norm(b) not in text:
                err(where, 'byline not found: %r' % b)
        for m in j['must_not']:
            mm = norm(m)
            if mm not in text:
                err(where, 'must_not snippet not in page: %r' % m)
            for be in body_expect:
                if mm in be:
                    err(where, 'must_not snippet %r occurs inside expected body/title/caption' % m)
                    break
        if e['author']:
            for name in e['author'].split(', '):
                if norm(name) not in text:
                    err(where, 'author name %r not in page' % name)
        if e['source'] and norm(e['source']) not in text:
            err(where, 'source not in page')
        # canonical
        canon = None
        base = j['url']
        for t, v in hrefs(doc, (('link', 'href'),)):
            if re.search(r'\brel\s*=\s*["\']?canonical', t, re.I):
                canon = urljoin(j['url'], v)
        mb = re.search(r'<base\s+href\s*=\s*["\']([^"\']+)', doc, re.I)
        if mb:
            base = urljoin(j['url'], mb.group(1))
        if e['canonical_url'] != canon:
            err(where, 'canonical mismatch: expected %r, page has %r' % (e['canonical_url'], canon))
        links = {urljoin(base, v) for _, v in hrefs(doc, (('a', 'href'),))}
        for att in e['attachments']:
            if att not in links:
                err(where, 'attachment %s not linked from page' % att)
            if not re.search(r'\.(pdf|docx?)$', att, re.I):
                err(where, 'attachment %s is not pdf/doc/docx' % att)
        if not j['must_not']:
            err(where, 'empty must_not')
    # corpus level
    if len(layouts) < 18:
        err('pages', 'only %d layouts (< 18)' % len(layouts))
    for lay, js in sorted(layouts.items()):
        if len(js) != 2:
            err('pages', 'layout %s has %d page(s) (want exactly 2)' % (lay, len(js)))
    # the sealed split was fixed before writing: the second page of each of the LAST 12 layouts
    # in alphabetical order (README lists which page that is)
    last12 = set(sorted(layouts)[-12:])
    for lay, js in layouts.items():
        ns = sum(1 for j in js if j['split'] == 'sealed')
        if lay in last12 and ns != 1:
            err('pages', 'layout %s (one of the last 12) has %d sealed pages, want 1' % (lay, ns))
        if lay not in last12 and ns:
            err('pages', 'layout %s (not one of the last 12) has sealed pages' % lay)
        hosts = {urlsplit(x['url']).netloc for x in js}
        if len(hosts) < len(js) and lay not in SINGLE_HOST_PLATFORMS:
            err('pages', 'layout %s reuses a host' % lay)
    total = sum(splits.values())
    sealed_layouts = {j['layout'] for js in layouts.values() for j in js if j['split'] == 'sealed'}
    for lay in sealed_layouts:
        if sum(1 for j in layouts[lay] if j['split'] == 'sealed') > 1:
            err('pages', 'layout %s has more than one sealed page' % lay)
    if not (0.25 <= splits['sealed'] / max(total, 1) <= 0.40):
        err('pages', 'sealed share %d/%d is not about one third' % (splits['sealed'], total))
    if len(jsons) != 36:
        err('pages', '%d pages, want 36' % len(jsons))
    return dict(pages=total, layouts={k: Counter(j['split'] for j in v) for k, v in layouts.items()},
                sealed=splits['sealed'], blind=splits['blind'], cp1258=cp1258, wrong_meta=wrong_meta, hinted=hinted)


# ----------------------------------------------------------------------------- discovery
SAFE = "/:@!$&'()*+,;=-._~"


def norm_path(path):
    """Percent-encoding normalised: raw UTF-8, lower- and upper-case %xx all map to one key."""
    return quote(unquote(path), safe=SAFE)


def route_key(url):
    sp = urlsplit(url)
    return norm_path(sp.path) + (('?' + sp.query) if sp.query else '')


def read_route(folder, fn):
    data = open(os.path.join(folder, fn), 'rb').read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    return data.decode('utf-8')


def check_site(folder):
    where = 'discovery/' + os.path.basename(folder)
    sj = json.load(open(os.path.join(folder, 'site.json'), encoding='utf-8'))
    for k in ('id', 'hints', 'start', 'routes', 'articles', 'notes'):
        if k not in sj:
            err(where, 'site.json missing %s' % k)
    if sj['hints'] and (set(sj['hints']) != {'cms'} or sj['hints']['cms'] not in CMS_ALLOWED):
        err(where, 'bad hints %r' % sj['hints'])
    routes = sj['routes']
    ctypes = sj.get('content_types', {})
    nroutes = {}
    for r, fn in routes.items():
        k = route_key(r)
        if k in nroutes and nroutes[k] != fn:
            err(where, 'two routes normalise to %r' % k)
        nroutes[k] = fn
    nctypes = {route_key(r): c for r, c in ctypes.items()}
    if sj['start'] not in routes:
        err(where, 'start not routed')
    for r, fn in routes.items():
        if not r.startswith('/'):
            err(where, 'route %r does not start with /' % r)
        if not os.path.exists(os.path.join(folder, fn)):
            err(where, 'route %r -> missing file %s' % (r, fn))
        if fn.endswith('.gz'):
            if open(os.path.join(folder, fn), 'rb').read()[:2] != b'\x1f\x8b':
                err(where, '%s is not gzip' % fn)
            if 'gzip' not in ctypes.get(r, ''):
                err(where, 'gzip route %r without a gzip content type' % r)
    if not (8 <= len(sj['articles']) <= 12):
        err(where, '%d articles (want 8-12)' % len(sj['articles']))
    for r, meta in sj['articles'].items():
        if r not in routes:
            err(where, 'article %r is not routed' % r)
            continue
        if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', meta.get('date') or ''):
            err(where, 'article %r bad date' % r)
        doc = read_route(folder, routes[r])
        text = visible_text(doc)
        if norm(meta['title']) not in text:
            err(where, 'article %r: title not in page' % r)
        y, mo, dd = meta['date'].split('-')
        forms = ['%s/%s/%s' % (dd, mo, y), '%d/%d/%s' % (int(dd), int(mo), y), 'ngày %d tháng %d năm %s' % (int(dd), int(mo), y), '%s.%s.%s' % (dd, mo, y),
                 '%s Tháng %d %s' % (dd, int(mo), y)]
        if not any(f in text for f in forms):
            err(where, 'article %r: date not printed' % r)
        body_ps = re.findall(r'<p\b[^>]*>(.*?)</p>', doc, re.S)
        nlong = len([p for p in body_ps if len(visible_text(p, False)) > 80])
        if not (2 <= nlong <= 4):
            err(where, 'article %r: %d body paragraphs (want 2-4)' % (r, nlong))
        canon = [v for t, v in hrefs(doc, (('link', 'href'),)) if re.search(r'rel\s*=\s*["\']?canonical', t, re.I)]
        if canon and route_key(urljoin('http://test.invalid' + r, canon[0])) != route_key(r):
            err(where, 'article %r: its canonical points elsewhere' % r)
    # absolute links to own host / any non-allowlisted host; root-relative sitemap/feed locations
    for r, fn in routes.items():
        data = read_route(folder, fn)
        for m in re.finditer(r'(?:href|src|action)\s*=\s*["\']([^"\']+)["\']', data, re.I):
            v = html.unescape(m.group(1))
            if re.match(r'(?i)^(https?:)?//', v):
                host = urlsplit(v if not v.startswith('//') else 'http:' + v).netloc
                if not host.endswith(EXTERNAL_OK):
                    err(where, '%s: absolute link to %s' % (fn, v[:80]))
        for m in re.finditer(r'<(loc|link)>\s*([^<]+?)\s*</\1>', data):
            if not m.group(2).startswith('/'):
                err(where, '%s: <%s> not root-relative: %s' % (fn, m.group(1), m.group(2)))
        if r == '/robots.txt':
            for line in data.splitlines():
                if line.lower().startswith('sitemap:') and not line.split(':', 1)[1].strip().startswith('/'):
                    err(where, 'robots.txt Sitemap line not root-relative')
    # crawl simulation: links, rel=canonical, feeds announced by <link rel=alternate>, robots/<link rel=sitemap> sitemaps (also gzip)
    origin = 'http://test.invalid'
    seen_link, seen_map, seen_feed, seen_canon, seen_html = set(), set(), set(), set(), set()
    dead = set()
    q = deque([route_key(sj['start'])])
    seen_link.add(route_key(sj['start']))
    sitemap_q, feed_q = deque(), deque()
    seen_sm, seen_fd = set(), set()
    if '/robots.txt' in routes:
        for line in read_route(folder, routes['/robots.txt']).splitlines():
            if line.lower().startswith('sitemap:'):
                sitemap_q.append(route_key(urljoin(origin + '/robots.txt', line.split(':', 1)[1].strip())))

    def visit(k, via):
        if k not in seen_link:
            seen_link.add(k)
            q.append(k)
        via.add(k)

    while q or sitemap_q or feed_q:
        while q:
            r = q.popleft()
            fn = nroutes.get(r)
            if fn is None:
                dead.add(r)
                continue
            ct = nctypes.get(r, 'text/html')
            if 'html' not in ct:
                continue
            doc = read_route(folder, fn)
            for t, v in hrefs(doc, (('a', 'href'), ('link', 'href'))):
                u = urljoin(origin + r, v.split('#')[0])
                if not u.startswith(origin):
                    continue
                k = route_key(u)
                if t.lower().startswith('<link'):
                    if re.search(r'rel\s*=\s*["\']?sitemap', t, re.I):
                        sitemap_q.append(k)
                    elif re.search(r'rel\s*=\s*["\']?alternate', t, re.I) and re.search(r'application/(rss|atom)\+xml', t, re.I):
                        feed_q.append(k)
                    elif re.search(r'rel\s*=\s*["\']?canonical', t, re.I):
                        seen_canon.add(k)
                    continue
                if k != r:
                    seen_html.add(k)
                if k not in seen_link:
                    seen_link.add(k)
                    q.append(k)
        while feed_q:
            r = feed_q.popleft()
            if r in seen_fd:
                continue
            seen_fd.add(r)
            fn = nroutes.get(r)
            if fn is None:
                err(where, 'feed %r not routed' % r)
                continue
            data = read_route(folder, fn)
            locs = re.findall(r'<item\b.*?<link>\s*([^<]+?)\s*</link>', data, re.S)
            for ent in re.findall(r'<entry\b.*?</entry>', data, re.S):
                m = re.search(r'<link\b[^>]*href="([^"]+)"', ent)
                if m:
                    locs.append(m.group(1))
            for v in locs:
                visit(route_key(urljoin(origin + r, html.unescape(v))), seen_feed)
        while sitemap_q:
            r = sitemap_q.popleft()
            if r in seen_sm:
                continue
            seen_sm.add(r)
            fn = nroutes.get(r)
            if fn is None:
                err(where, 'sitemap %r not routed' % r)
                continue
            data = read_route(folder, fn)
            index = '<sitemapindex' in data
            for m in re.finditer(r'<loc>\s*([^<]+?)\s*</loc>', data):
                k = route_key(urljoin(origin + r, html.unescape(m.group(1))))
                if index or re.search(r'\.xml(\.gz)?$', k):
                    sitemap_q.append(k)
                else:
                    seen_map.add(k)
                    if k not in seen_link:
                        seen_link.add(k)
                        q.append(k)
    arts = {route_key(a) for a in sj['articles']}
    found = seen_link | seen_canon
    for a in sorted(arts - found):
        err(where, 'article %r is not discoverable' % a)
    return dict(id=sj['id'], articles=len(arts), routes=len(routes), dead_links=sorted(dead),
                by_links=len(arts & seen_html), only_sitemap=len((arts & seen_map) - seen_html), only_feed=len((arts & seen_feed) - seen_html),
                canonical_never_linked=len(arts - seen_html - seen_map - seen_feed))


def check_discovery():
    res = []
    folders = sorted(d for d in glob.glob(os.path.join(DISC, '*')) if os.path.isdir(d))
    if len(folders) < 4:
        err('discovery', 'only %d sites (want 4)' % len(folders))
    for f in folders:
        res.append(check_site(f))
    return res


def main():
    p = check_pages()
    print('PAGES: %d pages, %d layouts, %d blind, %d sealed, %d with a cms hint' % (p['pages'], len(p['layouts']), p['blind'], p['sealed'], p['hinted']))
    for lay, c in sorted(p['layouts'].items()):
        print('  %-20s blind=%d sealed=%d' % (lay, c['blind'], c['sealed']))
    print('  windows-1258 pages:', ', '.join(p['cp1258']))
    print('  wrong meta charset:', ', '.join(p['wrong_meta']))
    if not os.path.isdir(DISC):
        print('DISCOVERY: none in this set (no discovery/ folder), skipped')
    for s in (check_discovery() if os.path.isdir(DISC) else []):
        print('  %-34s routes=%-3d articles=%-3d by_links=%-2d only_sitemap=%-2d only_feed=%-2d canonical_never_linked=%-2d dead_links=%s' % (
            s['id'], s['routes'], s['articles'], s['by_links'], s['only_sitemap'], s['only_feed'], s['canonical_never_linked'], ','.join(s['dead_links']) or 0))
    if errors:
        print('\n%d ERROR(S):' % len(errors))
        for e in errors:
            print('  -', e)
        sys.exit(1)
    print('\nOK: all checks passed')


if __name__ == '__main__':
    main()
