"""One translation hook for non-Qt code, so every user-facing sentence can be translated."""

import contextlib
import gettext
from collections.abc import Iterator

_translation = gettext.NullTranslations()


def _(message: str) -> str:
    """Translate a user-facing message (identity until a catalogue is installed)."""
    return _translation.gettext(message)


def install(translation: gettext.NullTranslations) -> None:
    """Use `translation` for every later call of `_`."""
    global _translation
    _translation = translation


LANGUAGES = ("zh_CN", "en")
"""Languages of the interface and of printed documents; the first is the default for print."""


class CatalogueTranslations(gettext.NullTranslations):
    """The messages of a Qt Linguist catalogue (resources/i18n/kamdesk_<lang>.ts), read without
    Qt, so the command line and headquarters tools print in the same words as the desktop."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message


def catalogue(language: str) -> gettext.NullTranslations:
    """The translation for `language` ("en" is the source language: no catalogue)."""
    if language == "en":
        return gettext.NullTranslations()
    import xml.etree.ElementTree as ElementTree

    from kamdesk.resources import resources_dir

    path = resources_dir() / "i18n" / f"kamdesk_{language}.ts"
    if language not in LANGUAGES or not path.exists():
        raise ValueError(f"no catalogue for language {language!r}")
    messages: dict[str, str] = {}
    for message in ElementTree.parse(path).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if (
            source is None
            or translation is None
            or translation.get("type")
            in (
                "unfinished",
                "obsolete",
                "vanished",
            )
        ):
            continue
        if source.text and translation.text:
            messages[source.text] = translation.text
    return CatalogueTranslations(messages)


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Within the block, `_` translates into `language`; the previous translation comes back
    afterwards. For single-threaded front ends (the command line)."""
    global _translation
    previous, _translation = _translation, catalogue(language)
    try:
        yield
    finally:
        _translation = previous
