"""Every installed ar->en model of either kind, and which one a run uses.

Argos packages and OPUS-MT conversions share the packages folder; each is named by its folder
(``translate-ar_en-1_9``, ``opus-mt-opus-2019-12-18``), by an OPUS-MT model's own name, or by
its kind (``argos``, ``opus-mt``: the newest of that kind). ``briefing models default NAME``
records a name in the packages folder; without one, the newest Argos package is used, else
the newest OPUS-MT model.
"""

from __future__ import annotations

from pathlib import Path

from briefing.atomic import write_bytes
from briefing.errors import BriefingError, ModelNotInstalledError
from briefing.translate.ctranslate2_engine import InstalledModel
from briefing.translate.opus_mt_package import OPUS_MT_FORMAT, OpusMTPackage
from briefing.translate.packages import (
    ARGOS_FORMAT,
    INSTALL_HINT,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    InstalledPackage,
    PackageError,
    package_folders,
    packages_dir,
    read_metadata,
    version_key,
)

DEFAULT_FILE = ".briefing-default-model"
"""In the packages folder: the folder name of the model ``briefing models default`` chose."""


def installed_models() -> list[InstalledModel]:
    """Every readable ar->en model in the packages folder, in folder name order."""
    found: list[InstalledModel] = []
    for folder in package_folders():
        try:
            model = _read(folder)
        except PackageError:
            continue
        if (model.from_code, model.to_code) == (SOURCE_LANGUAGE, TARGET_LANGUAGE):
            found.append(model)
    return found


def _read(folder: Path) -> InstalledModel:
    _, metadata = read_metadata(folder)
    kind = metadata.get("format", ARGOS_FORMAT)
    return OpusMTPackage.read(folder) if kind == OPUS_MT_FORMAT else InstalledPackage.read(folder)


def model_key(model: InstalledModel) -> str:
    """The name that picks exactly this model: its folder's."""
    return model.path.name


def find_model(name: str) -> InstalledModel:
    """The model ``name`` stands for (folder name, OPUS-MT model name, or kind: the newest of it)."""
    models = installed_models()
    for matches in (
        [m for m in models if model_key(m) == name],
        [m for m in models if m.format == OPUS_MT_FORMAT and m.name == name],
        [m for m in models if m.format == name],
    ):
        if matches:
            return max(matches, key=lambda m: version_key(m.package_version))
    known = ", ".join(model_key(m) for m in models) or f"none (in {packages_dir()})"
    raise BriefingError(f"no installed ar->en model is called {name!r}; installed: {known}")


def default_model_name() -> str | None:
    try:
        recorded = (packages_dir() / DEFAULT_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return recorded or None


def set_default_model(name: str | None) -> InstalledModel | None:
    """Record the model ``name`` picks (by its folder name) as the default; None forgets the default."""
    target = packages_dir() / DEFAULT_FILE
    if name is None:
        target.unlink(missing_ok=True)
        return None
    model = find_model(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(target, (model_key(model) + "\n").encode("utf-8"))
    return model


def choose_model(name: str | None = None) -> InstalledModel:
    """The model a run uses: ``name`` (``--model``), else the recorded default, else the newest."""
    if name:
        return find_model(name)
    default = default_model_name()
    if default:
        try:
            return find_model(default)
        except BriefingError:
            raise BriefingError(
                f"the default model {default!r} (set with `briefing models default`) is not installed any more: "
                "choose another with `briefing models default NAME` or give --model NAME"
            ) from None
    for kind in (ARGOS_FORMAT, OPUS_MT_FORMAT):
        try:
            return newest_model(kind)
        except ModelNotInstalledError:
            continue
    raise _not_installed()


def newest_model(kind: str) -> InstalledModel:
    """The installed ar->en model of ``kind`` (``argos``, ``opus-mt``) with the highest version."""
    of_kind = [m for m in installed_models() if m.format == kind]
    if not of_kind:
        raise _not_installed()
    return max(of_kind, key=lambda m: version_key(m.package_version))


def _not_installed() -> ModelNotInstalledError:
    return ModelNotInstalledError(
        f"no Arabic->English translation model is installed in {packages_dir()}: {INSTALL_HINT}"
    )
