"""A 10,000-article library: re-scan when nothing changed, search latency, size.

One article in ten also has a paragraph of Chinese (made of common words,
with no spaces, as Chinese is written), so that search by a word inside a
run of CJK characters is timed on a library of the same size.

    .venv/bin/python bench/library_scale.py [--count 10000]

The files are real synthetic HTML pages on disk (bench/index_speed.py's
generator, several sizes). Filling the index through the extractor would
take minutes, so the index rows are written from the generator's own text
through the same code path a scan uses (``recording.record``); what is
measured afterwards (a real ``scan`` of the folder, ``search``) is the
normal code.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from index_speed import NAMES, ORGS, PLACES, WORDS, article_parts, lexicon  # noqa: E402

from margin.model import Article, Block, Entity  # noqa: E402

#: Common Chinese words the CJK paragraphs are made of.
CJK_WORDS = [
    "城市",
    "公交",
    "地铁",
    "线路",
    "乘客",
    "市民",
    "政府",
    "经济",
    "发展",
    "企业",
    "市场",
    "价格",
    "工人",
    "学校",
    "学生",
    "老师",
    "医院",
    "医生",
    "病人",
    "天气",
    "气温",
    "下雨",
    "河流",
    "港口",
    "码头",
    "渔船",
    "游客",
    "观光",
    "酒店",
    "餐厅",
    "文化",
    "历史",
    "博物馆",
    "音乐",
    "电影",
    "体育",
    "比赛",
    "球队",
    "新闻",
    "报道",
    "记者",
    "网络",
    "手机",
    "电脑",
    "技术",
    "科学",
    "研究",
    "大学",
    "银行",
    "投资",
    "工厂",
    "农业",
    "粮食",
    "水果",
    "蔬菜",
    "交通",
    "道路",
    "桥梁",
    "机场",
    "火车",
    "汽车",
    "自行车",
    "公园",
    "广场",
    "图书馆",
    "社区",
    "居民",
]
_ENTITY_RE = re.compile("|".join(re.escape(x) for x in NAMES + PLACES + ORGS))
_LABEL = {
    **{n: "PERSON" for n in NAMES},
    **{p: "PLACE" for p in PLACES},
    **{o: "ORG" for o in ORGS},
}


def build(folder: Path, count: int) -> None:
    from margin.library import Library, ScanSummary, recording, store
    from margin.library.workers import Outcome

    rng = random.Random(7)
    lib = Library.open()
    conn = store.connect(lib.db_path)
    conn.execute("PRAGMA synchronous = NORMAL")
    batch: list[Outcome] = []
    summary = ScanSummary()
    for i in range(count):
        page, title, paras, site, author = article_parts(rng, i)
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"article-{i:05d}.html"
        data = page.encode()
        path.write_bytes(data)
        st = path.stat()
        if i % 10 == 0:
            paras = [*paras, cjk_paragraph(rng)]
        text = "\n\n".join(paras)
        blocks, pos = [], 0
        for p in paras:
            blocks.append(Block("paragraph", p, 0, pos, pos + len(p)))
            pos += len(p) + 2
        ents = [
            Entity(m.group(), _LABEL[m.group()], m.start(), m.end())
            for m in _ENTITY_RE.finditer(text)
        ]
        words = len(text.split())
        art = Article(
            source=str(path),
            kind="html",
            title=title,
            byline=author,
            site=site,
            lang="en",
            blocks=blocks,
            entities=ents,
            text=text,
            word_count=words,
            reading_minutes=max(1, round(words / 230)),
        )
        batch.append(
            Outcome(
                os.path.realpath(path),
                st.st_size,
                st.st_mtime_ns,
                art,
                hashlib.sha256(data).hexdigest(),
            )
        )
        if len(batch) == 500:
            with store.transaction(conn):
                for o in batch:
                    recording.record(conn, o, lib.extractor, summary)
            batch.clear()
    with store.transaction(conn):
        for o in batch:
            recording.record(conn, o, lib.extractor, summary)
    conn.close()
    lib.add_folder(folder)
    lib.close()


def cjk_paragraph(rng: random.Random) -> str:
    sentences = [
        "".join(rng.choice(CJK_WORDS) for _ in range(rng.randint(6, 14))) for _ in range(5)
    ]
    return "，".join(sentences) + "。"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MARGIN_HOME"] = str(Path(tmp) / "home")
        folder = Path(tmp) / "lib"
        t = time.perf_counter()
        build(folder, args.count)
        print(f"built {args.count} articles in {time.perf_counter() - t:.1f} s")

        from margin import paths
        from margin.library import Library

        lib = Library.open()
        times = []
        for _ in range(3):
            t = time.perf_counter()
            s = lib.scan([folder])
            times.append(time.perf_counter() - t)
            assert s.unchanged == args.count and s.indexed == 0, s
        print(
            f"re-scan, nothing changed: {min(times) * 1000:.0f} ms best, "
            f"{max(times) * 1000:.0f} ms worst of 3 (goal < 1 s)"
        )

        rng = random.Random(3)
        common = [w for w in WORDS if len(w) > 4]
        # Two-word queries mixing everyday words, names and rarer content words.
        words = lexicon()[0]
        queries = [f"{rng.choice(common)} {rng.choice(words[:2000])}" for _ in range(40)]
        queries += [f"{rng.choice(words[:300])} {rng.choice(words[:3000])}" for _ in range(20)]
        queries += [rng.choice(NAMES).split()[1] + " " + rng.choice(common) for _ in range(20)]
        lib.search("warm up")
        lat = []
        hits = 0
        for q in queries:
            t = time.perf_counter()
            found = lib.search(q, limit=20)
            lat.append(time.perf_counter() - t)
            hits += len(found)
        print(
            f"search (two words, bm25 + snippets, limit 20): median "
            f"{statistics.median(lat) * 1000:.1f} ms, p90 "
            f"{statistics.quantiles(lat, n=10)[-1] * 1000:.1f} ms over {len(queries)} "
            f"queries ({hits / len(queries):.0f} hits each; goal < 15 ms)"
        )
        # Chinese: a word (two characters) and a phrase of two words.
        cjk = [rng.choice(CJK_WORDS) for _ in range(20)]
        cjk += [rng.choice(CJK_WORDS) + rng.choice(CJK_WORDS) for _ in range(20)]
        lat = []
        hits = 0
        for q in cjk:
            t = time.perf_counter()
            found = lib.search(q, limit=20)
            lat.append(time.perf_counter() - t)
            hits += len(found)
        print(
            f"search in Chinese (a word or two inside runs of characters, limit 20): median "
            f"{statistics.median(lat) * 1000:.1f} ms, p90 "
            f"{statistics.quantiles(lat, n=10)[-1] * 1000:.1f} ms over {len(cjk)} "
            f"queries ({hits / len(cjk):.0f} hits each; goal < 15 ms)"
        )
        t = time.perf_counter()
        top = lib.library_entities(50)
        took_top = time.perf_counter() - t
        t = time.perf_counter()
        arts = lib.entity_articles(top[0].text, top[0].label)
        took_arts = time.perf_counter() - t
        lat = []
        for q in queries[:20]:
            t = time.perf_counter()
            lib.search(q, limit=20, entity=rng.choice(NAMES))
            lat.append(time.perf_counter() - t)
        print(
            f"entities: library top 50 in {took_top * 1000:.0f} ms; the articles of "
            f"{top[0].text!r} ({len(arts)}) in {took_arts * 1000:.0f} ms; search with an "
            f"entity filter median {statistics.median(lat) * 1000:.1f} ms"
        )
        lib.close()  # the last connection out folds the WAL into the file
        db = paths.database_path()
        size = db.stat().st_size
        html_size = sum(p.stat().st_size for p in folder.rglob("*.html"))
        print(f"database size: {size / 1e6:.1f} MB for {html_size / 1e6:.1f} MB of HTML")


if __name__ == "__main__":
    main()
