"""A folder of small generated notices for the batch and Dask tests (deterministic)."""

from __future__ import annotations

from pathlib import Path

_UNITS = ("市教育局", "县卫生健康委员会", "区应急管理局", "市交通运输局", "镇人民政府")
_TOPICS = ("校园安全", "冬季防火", "道路养护", "防汛备汛", "基层治理")


def notice(i: int) -> str:
    """The i-th notice: a title, a document number, sections, items and a dated signature."""
    unit, topic = _UNITS[i % len(_UNITS)], _TOPICS[i // len(_UNITS) % len(_TOPICS)]
    parts = [
        f"{unit}关于做好{topic}工作的通知",
        f"{unit[:2]}发〔2024〕{i + 1}号",
        "各有关单位：",
        f"为做好{topic}工作，现将有关事项通知如下。",
    ]
    for s, head in enumerate(("一、", "二、", "三、")[: 1 + i % 3]):
        parts.append(f"{head}第{s + 1}项要求")
        parts += [f"（{n}）各单位要落实第{i}号文件的第{n}条措施。" for n in "一二"[: 1 + s % 2]]
    parts += [unit, f"2024年{1 + i % 12}月{1 + i % 28}日"]
    return "\n".join(parts) + "\n"


def write_archive(folder: Path, count: int, *, broken: tuple[int, ...] = ()) -> list[Path]:
    """``count`` files in ``folder`` (GB18030 every third one); the ``broken`` indexes hold
    binary bytes that cannot be parsed. Returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:05d}.txt"
        if i in broken:
            path.write_bytes(bytes(range(256)) * 4)
        else:
            path.write_bytes(notice(i).encode("gb18030" if i % 3 == 0 else "utf-8"))
        paths.append(path)
    return paths
