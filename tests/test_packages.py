"""Model management: package files are untrusted input; list, install, remove, verify, download."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import zipfile
from pathlib import Path

import pytest
from translate_fakes import run_cli

from briefing.testing.argos_fixture import expected_translation
from briefing.translate.installed import installed_models, newest_model
from briefing.translate.packages import ARGOS_FORMAT, PackageError, install_package_file


def rezip(source: Path, target: Path, rename=lambda name: name, drop=(), add=None, metadata=None) -> Path:
    """A copy of the package ``source`` with members renamed, dropped, added or new metadata."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            name = info.filename
            if any(name.startswith(prefix) for prefix in drop):
                continue
            data = original.read(info)
            if metadata is not None and name.endswith("/metadata.json"):
                data = json.dumps(metadata).encode()
            copy.writestr(rename(name), data)
        for name, data in (add or {}).items():
            copy.writestr(name, data)
    return target


@pytest.mark.parametrize(
    "member, problem",
    [
        ("../evil.txt", "outside the package folder"),
        ("/etc/evil.txt", "outside the package folder"),
        ("translate-ar_en-1_0/../../evil.txt", "outside the package folder"),
        ("translate-ar_en-1_0\\..\\evil.txt", "outside the package folder"),
        ("C:/evil.txt", "outside the package folder"),
        ("other-folder/file.txt", "exactly one top-level folder"),
    ],
)
def test_members_outside_the_package_folder_are_refused(argosmodel, packages_dir, tmp_path, member, problem):
    hostile = rezip(argosmodel, tmp_path / "hostile.argosmodel", add={member: b"x"})
    with pytest.raises(PackageError, match=problem) as refused:
        install_package_file(hostile)
    assert str(hostile) in str(refused.value)
    assert not packages_dir.exists() or not any(packages_dir.rglob("evil.txt"))
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"drop": ("translate-ar_en-1_0/metadata.json",)}, "no metadata.json"),
        ({"drop": ("translate-ar_en-1_0/model/",)}, "no model/ folder"),
        ({"metadata": {"from_code": "en", "to_code": "ar", "package_version": "1.0"}}, "translates en->ar"),
        ({"metadata": {"package_version": "1.0"}}, "translates ?->?"),
    ],
)
def test_incomplete_or_wrong_packages_are_refused(argosmodel, packages_dir, tmp_path, change, problem):
    broken = rezip(argosmodel, tmp_path / "broken.argosmodel", **change)
    with pytest.raises(PackageError, match=problem.replace("?", r"\?")):
        install_package_file(broken)
    assert installed_models() == []


def test_a_damaged_archive_is_refused_before_anything_is_extracted(argosmodel, packages_dir, tmp_path):
    data = bytearray(argosmodel.read_bytes())
    with zipfile.ZipFile(argosmodel) as zipped:
        model = zipped.getinfo("translate-ar_en-1_0/model/model.bin")
    # Flip bytes in the middle of the stored model weights: the zip directory stays intact.
    middle = model.header_offset + 100 + model.compress_size // 2
    data[middle : middle + 8] = bytes(255 - b for b in data[middle : middle + 8])
    damaged = tmp_path / "damaged.argosmodel"
    damaged.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="damaged"):
        install_package_file(damaged)
    assert installed_models() == []


def test_not_a_zip_and_missing_files_are_refused(packages_dir, tmp_path):
    text = tmp_path / "model.argosmodel"
    text.write_text("not a zip")
    with pytest.raises(PackageError, match="zip archive"):
        install_package_file(text)
    with pytest.raises(PackageError, match="no such package file"):
        install_package_file(tmp_path / "missing.argosmodel")


def test_an_archive_that_would_unpack_too_large_is_refused(argosmodel, packages_dir, monkeypatch):
    monkeypatch.setattr("briefing.translate.archive.MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(PackageError, match="would unpack"):
        install_package_file(argosmodel)


@pytest.mark.parametrize("kind", ["argosmodel", "bpe_argosmodel"])
def test_cli_install_list_verify_remove(request, packages_dir, monkeypatch, capsys, kind):
    archive = request.getfixturevalue(kind)
    code, out, _ = run_cli(monkeypatch, capsys, "models", "install", str(archive))
    assert code == 0 and "installed ar->en version 1.0" in out
    package = newest_model(ARGOS_FORMAT)

    code, out, _ = run_cli(monkeypatch, capsys, "models", "list")
    assert code == 0
    assert f"ar->en  version 1.0  {package.size_bytes() / 1e6:.1f} MB  {package.path}" in out

    code, out, _ = run_cli(monkeypatch, capsys, "models", "verify")
    assert code == 0
    from briefing.commands.models import VERIFY_SENTENCE

    assert f"english  {expected_translation(package.path, VERIFY_SENTENCE)}\n" in out

    code, out, _ = run_cli(monkeypatch, capsys, "models", "remove")
    assert code == 0 and str(package.path) in out
    assert installed_models() == []
    code, _, err = run_cli(monkeypatch, capsys, "models", "remove")
    assert code == 2 and "no ar->en model" in err


def test_remove_asks_for_a_version_when_several_are_installed(argosmodel, packages_dir, tmp_path, monkeypatch, capsys):
    from briefing.testing.argos_fixture import build_argos_package

    install_package_file(argosmodel)
    install_package_file(build_argos_package(tmp_path / "v2", package_version="2.0", vocab_size=120))
    assert newest_model(ARGOS_FORMAT).package_version == "2.0"
    code, _, err = run_cli(monkeypatch, capsys, "models", "remove")
    assert code == 2 and "translate-ar_en-1_0 (version 1.0), translate-ar_en-2_0 (version 2.0)" in err
    code, _, _ = run_cli(monkeypatch, capsys, "models", "remove", "2.0")
    assert code == 0
    assert [p.package_version for p in installed_models()] == ["1.0"]


def test_verify_reports_a_model_that_cannot_be_loaded(installed_model, monkeypatch, capsys):
    (installed_model / "model" / "model.bin").write_bytes(b"garbage")
    code, _, err = run_cli(monkeypatch, capsys, "models", "verify")
    assert code == 2
    assert "cannot load the translation model" in err and "Traceback" not in err


class _IndexServer:
    """A local stand-in for the Argos package index: serves index.json and the package file."""

    def __init__(self, folder: Path):
        handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(folder))  # noqa: E731
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def index_server(tmp_path, argosmodel, monkeypatch):
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "ar_en.argosmodel").write_bytes(argosmodel.read_bytes())
    server = _IndexServer(folder)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url)

    def publish(**extra):
        entry = {"from_code": "ar", "to_code": "en", "package_version": "1.0",
                 "links": [f"{server.url}/ar_en.argosmodel"], **extra}
        (folder / "index.json").write_text(json.dumps([{"from_code": "en", "to_code": "fr"}, entry]))

    publish()
    yield publish
    server.close()


def test_install_downloads_checks_and_installs_from_the_index(index_server, argosmodel, packages_dir, monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "models", "install")
    assert code == 0, err
    assert f"SHA-256 {hashlib.sha256(argosmodel.read_bytes()).hexdigest()}" in out
    assert "Downloading ar->en" in err
    assert newest_model(ARGOS_FORMAT).package_version == "1.0"


def test_a_download_whose_checksum_differs_from_the_index_is_refused(index_server, packages_dir, monkeypatch, capsys):
    index_server(sha256="0" * 64)
    code, _, err = run_cli(monkeypatch, capsys, "models", "install")
    assert code == 2 and "differs from the index" in err
    assert installed_models() == []


def test_an_unreachable_index_gives_one_line_with_the_offline_route(packages_dir, monkeypatch, capsys):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9")  # the discard port: refused
    code, _, err = run_cli(monkeypatch, capsys, "models", "install")
    assert code == 2
    assert "briefing models install FILE.argosmodel" in err
