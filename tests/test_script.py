"""Script detection and the simplified view (texts written for these tests)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdoc.script import detect_script, to_simplified

SIMPLIFIED = (
    "关于进一步加强农村饮水安全工作的通知\n"
    "各乡镇人民政府，县直各单位：\n"
    "为切实解决农村群众饮水安全问题，经县政府研究，现就有关事项通知如下。\n"
    "一、提高认识，加强领导。各乡镇要把农村饮水安全工作摆上重要议事日程。\n"
    "二、明确责任，狠抓落实。县水利局负责统筹协调，卫生健康部门负责水质监测。\n"
)
TRADITIONAL = (
    "關於進一步加強農村飲水安全工作的通知\n"
    "各鄉鎮人民政府，縣直各單位：\n"
    "為切實解決農村群眾飲水安全問題，經縣政府研究，現就有關事項通知如下。\n"
    "一、提高認識，加強領導。各鄉鎮要把農村飲水安全工作擺上重要議事日程。\n"
    "二、明確責任，狠抓落實。縣水利局負責統籌協調，衛生健康部門負責水質監測。\n"
)


def test_simplified() -> None:
    assert detect_script(SIMPLIFIED) == "simplified"


def test_traditional() -> None:
    assert detect_script(TRADITIONAL) == "traditional"


def test_mixed() -> None:
    assert detect_script(SIMPLIFIED + TRADITIONAL) == "mixed"


@pytest.mark.parametrize("text", ["", "hello, world 2023", "一二三四五", "（一）"])
def test_no_evidence_is_simplified(text: str) -> None:
    assert detect_script(text) == "simplified"


def test_a_few_odd_characters_are_tolerated() -> None:
    # A traditional character in a name, or one a converting site left behind, is noise.
    assert detect_script(SIMPLIFIED + "联系人：乾坤\n") == "simplified"
    assert detect_script(TRADITIONAL.replace("關於", "关于")) == "traditional"


def test_large_text_is_sampled_and_fast() -> None:
    big = TRADITIONAL * 20_000  # about 1.3 million characters
    start = time.perf_counter()
    assert detect_script(big) == "traditional"
    assert time.perf_counter() - start < 1.0


def test_to_simplified() -> None:
    assert to_simplified(TRADITIONAL) == SIMPLIFIED
    assert to_simplified("") == ""
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


def test_converter_is_cached() -> None:
    from govdoc import script

    assert script._converter("t2s") is script._converter("t2s")


def test_opencc_is_imported_lazily() -> None:
    code = "import sys, govdoc.script; print('opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.text())
def test_detect_never_raises(text: str) -> None:
    assert detect_script(text) in ("simplified", "traditional", "mixed")
