"""Generated official documents of realistic sizes for the benchmark (deterministic).

Each document is built from templates: a web page's chrome, a title and 发文字号, a body of
numbered sections (一、 / （一） / 1. / （1）) or of statute units (第一章 / 第一条), an attachment,
signature and date, and a page footer. Sizes run from about 1 KB to 200 KB of UTF-8; every
fourth document is encoded as GB18030, as many archives are.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

__all__ = ["SIZES_KB", "generated_corpus"]

#: Target sizes in KB; each is produced several times with different content.
SIZES_KB = (1, 2, 4, 8, 16, 32, 64, 128, 200)

_CN = "一二三四五六七八九十"
_UNITS = ("市人民政府办公室", "省发展和改革委员会", "县农业农村局", "区市场监督管理局", "市财政局")
_TOPICS = ("安全生产", "乡村振兴", "营商环境", "生态环境保护", "数字政府建设", "就业创业")
_VERBS = ("压实", "健全", "完善", "加强", "推进", "落实", "强化", "优化")
_OBJECTS = ("工作责任", "监管机制", "协调联动", "资金保障", "督促检查", "信息报送", "应急处置")
_CLAUSES = (
    "各地各部门要高度重视，把{t}工作摆上重要议事日程",
    "要结合本地实际，制定具体实施方案，明确时间表和路线图",
    "对工作中发现的问题，要建立台账，逐项整改销号",
    "2024年底前，全市{t}重点任务完成率达到95%以上",
    "财政部门要统筹安排专项资金1.5亿元，保障{t}工作顺利开展",
    "严禁以任何名义增加基层负担，切实减轻企业和群众办事成本",
    "各县（市、区）要于每季度末将工作进展情况报送市{t}工作领导小组办公室",
)


def _sentence(rng: random.Random, topic: str) -> str:
    return rng.choice(_CLAUSES).format(t=topic) + "。"


def _paragraph(rng: random.Random, topic: str) -> str:
    return "".join(_sentence(rng, topic) for _ in range(rng.randint(2, 5)))


def _cn(n: int) -> str:
    """Chinese numerals up to 999: 十一, 二十, 一百零五, 三百二十."""
    if n <= 10:
        return _CN[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _CN[rest - 1]
    else:
        tail = ("一" if rest < 20 else "") + _cn(rest)
    return _CN[hundreds - 1] + "百" + tail


def _sections(rng: random.Random, topic: str, budget: int) -> Iterator[str]:
    s = 0
    while budget > 0:
        s += 1
        head = f"{_cn(s)}、{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}"
        yield head
        budget -= len(head)
        for i in range(1, rng.randint(2, 4) + 1):
            line = (
                f"（{_cn(i)}）{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}。{_paragraph(rng, topic)}"
            )
            yield line
            budget -= len(line)
            for k in range(1, rng.randint(0, 3) + 1):
                line = f"{k}.{_paragraph(rng, topic)}"
                yield line
                budget -= len(line)


def _statute(rng: random.Random, topic: str, budget: int) -> Iterator[str]:
    article = 0
    chapter = 0
    while budget > 0:
        chapter += 1
        yield f"第{_cn(chapter)}章　{rng.choice(_OBJECTS)}"
        for _ in range(rng.randint(3, 6)):
            article += 1
            line = f"第{_cn(article)}条　{_paragraph(rng, topic)}"
            yield line
            budget -= len(line)
            for k in range(1, rng.randint(0, 3) + 1):
                line = f"（{_cn(k)}）{_sentence(rng, topic)}"
                yield line
                budget -= len(line)


def _document(rng: random.Random, chars: int) -> str:
    unit, topic = rng.choice(_UNITS), rng.choice(_TOPICS)
    year, num = rng.randint(2015, 2025), rng.randint(1, 300)
    head = [
        "首页 > 政务公开 > 政策文件",
        f"索引号：{rng.randint(10**8, 10**9)}/{year}-{num:05d}",
        f"发布日期：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"{unit}关于进一步做好{topic}工作的通知",
        f"{unit[:1]}政办发〔{year}〕{num}号",
        "各县（市、区）人民政府，市政府各部门：",
        f"为深入贯彻落实上级决策部署，进一步做好{topic}工作，现就有关事项通知如下。",
    ]
    body = _statute if rng.random() < 0.3 else _sections
    lines = head + list(body(rng, topic, max(150, chars - 500)))
    lines += [
        f"附件：{topic}工作任务分工表",
        unit,
        f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "（此件公开发布）",
        "附件",
        f"{topic}工作任务分工表",
        f"一、牵头单位：{rng.choice(_UNITS)}",
        "主办单位：政府办公室　　网站标识码：0000000000",
    ]
    return "\n".join(lines) + "\n"


def generated_corpus(copies: int = 3, seed: int = 9704) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` for ``copies`` documents of each size in :data:`SIZES_KB`."""
    rng = random.Random(seed)
    out = []
    for kb in SIZES_KB:
        for c in range(copies):
            # UTF-8 Chinese is 3 bytes a character.
            text = _document(rng, kb * 1024 // 3)
            codec = "gb18030" if (len(out) % 4) == 3 else "utf-8"
            out.append((f"generated-{kb}k-{c}.txt", text.encode(codec)))
    return out
