"""PyInstaller's own collection for this Qt module, less what bundle_rules.py leaves out.

Filtering here, before PyInstaller resolves shared-library dependencies, also keeps out the
libraries only the dropped plugins need (the virtual keyboard's QML and Quick, GTK's cairo).
"""

from bundle_rules import keep_collected
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = keep_collected(binaries)
datas = keep_collected(datas)
