"""Shared fixtures: a real (tiny) Argos package installed as a user's would be, and no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefing.testing.argos_fixture import build_argos_package

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory):
    """Translation cache and post-edits of the whole session in temporary folders, never the user's."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("briefing-cache")))
        monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path_factory.mktemp("briefing-data")))
        yield


@pytest.fixture(scope="session")
def argosmodel(tmp_path_factory) -> Path:
    """A SentencePiece ``.argosmodel`` file, built once per test session."""
    return build_argos_package(tmp_path_factory.mktemp("argosmodel"))


@pytest.fixture(scope="session")
def bpe_argosmodel(tmp_path_factory) -> Path:
    """A BPE ``.argosmodel`` file (subword-nmt tokenizer, as older Argos packages), built once."""
    return build_argos_package(tmp_path_factory.mktemp("bpe-argosmodel"), tokenizer="bpe")


@pytest.fixture(scope="session")
def opus_mt_zip(tmp_path_factory) -> Path:
    """An OPUS-MT release zip of the gloss model (Marian weights from numpy), built once per session."""
    from briefing.testing.opus_mt_fixture import build_opus_mt_zip

    return build_opus_mt_zip(tmp_path_factory.mktemp("opus-mt"))


@pytest.fixture
def fresh_user_folders(tmp_path, monkeypatch) -> Path:
    """An empty translation cache and no post-edits, for this test only; returns their parent."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "user" / "cache"))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path / "user" / "data"))
    return tmp_path / "user"


@pytest.fixture
def packages_dir(tmp_path, monkeypatch) -> Path:
    """An empty ``ARGOS_PACKAGES_DIR`` for this test only."""
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def installed_model(argosmodel, packages_dir) -> Path:
    """The fixture package installed through briefing's own installer, as a user would."""
    from briefing.translate.packages import install_package_file

    return install_package_file(argosmodel).path


class NetworkBlocked(AssertionError):
    pass


def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection or resolve a name raise NetworkBlocked."""

    def refuse(*args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def no_network(monkeypatch):
    block_network(monkeypatch)


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help="also run the tests marked slow (minutes each)")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a minutes-long end-to-end case, skipped unless --run-slow is given")


def pytest_collection_modifyitems(config, items):
    """Tests marked slow stay out of the CI budget; ``--run-slow`` runs them too."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
