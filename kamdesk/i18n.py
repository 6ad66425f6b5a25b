"""One translation hook for non-Qt code, so every user-facing sentence can be translated."""

import gettext

_translation = gettext.NullTranslations()


def _(message: str) -> str:
    """Translate a user-facing message (identity until a catalogue is installed)."""
    return _translation.gettext(message)


def install(translation: gettext.NullTranslations) -> None:
    """Use `translation` for every later call of `_`."""
    global _translation
    _translation = translation
