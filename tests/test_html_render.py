"""The self-contained HTML: nothing outside the file, markup in articles stays text, right-to-left
Arabic; headless Chromium opens and screenshots it when installed."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess

import pytest

from briefing.render.html import HtmlRenderer, self_contained_html
from briefing.render.specimen import BODY, TITLE, paragraph, specimen_briefing
from briefing.structure import Article, Briefing

HOSTILE = '<img src="http://127.0.0.1:9/pixel.png"><script>alert(1)</script>'


@pytest.fixture(scope="module")
def page() -> str:
    return self_contained_html(specimen_briefing())


def test_everything_is_inline(page):
    targets = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert targets and all(target.startswith("#") for target in targets), "only in-page links are allowed"
    urls = re.findall(r"url\(\s*[\"']?([^\"')]+)", page)
    assert urls and all(url.startswith("data:font/ttf;base64,") for url in urls)
    assert "file:" not in page and "http" not in page.replace("http-equiv", "")


def test_inline_fonts_are_subsets_that_still_hold_the_text(page):
    import io

    from fontTools.ttLib import TTFont

    fonts = re.findall(r'font-family: "([^"]+)"; src: url\("data:font/ttf;base64,([^"]+)"\); font-weight: (\w+)', page)
    amiri = next(TTFont(io.BytesIO(base64.b64decode(data))) for family, data, weight in fonts
                 if family == "Amiri" and weight == "normal")
    covered = set(amiri.getBestCmap())
    for character in "روسيا تعرض على العراق":
        assert ord(character) in covered
    assert len(covered) < 600, "the font must be cut to the characters used"
    assert len(page) < 1_500_000


def test_arabic_cells_are_right_to_left_and_references_link_rows(page):
    rows = re.findall(r'<td class="ar" dir="rtl" lang="ar">', page)
    assert len(rows) == 6  # every body row that is not a repeat
    assert 'id="A1-p4"' in page and 'href="#A1-p4"' in page


def test_article_markup_is_escaped():
    article = Article("A1", "hostile.txt", [
        paragraph(1, TITLE, [("عنوان", "Headline")]),
        paragraph(2, BODY, [(HOSTILE, HOSTILE)]),
    ])
    page = self_contained_html(Briefing(title=HOSTILE, articles=[article]))
    assert "<img" not in page and "<script" not in page
    assert page.count("&lt;img src=&#34;http://127.0.0.1:9/pixel.png&#34;&gt;") >= 3


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="headless Chromium not installed (Debian package `chromium`)")
def test_chromium_opens_and_draws_the_file(tmp_path):
    from PIL import Image

    path = HtmlRenderer().write(specimen_briefing(), tmp_path / "specimen.html")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1100,1400", f"--screenshot={shot}", path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    image = Image.open(shot).convert("L")
    assert image.size == (1100, 1400)
    dark = sum(image.histogram()[:128])
    assert dark > 5000, "the page must show text"
