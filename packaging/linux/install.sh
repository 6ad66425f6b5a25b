#!/bin/sh
# Put kamdesk in the applications menu: for this user, or for everyone when run as root.
# Run it from the unpacked folder (it stays where it is; install.sh only links to it):
#     tar xzf kamdesk-*-linux-*.tar.gz -C ~/.local/opt && ~/.local/opt/kamdesk/install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
    share=/usr/local/share
    bin=/usr/local/bin
else
    share=${XDG_DATA_HOME:-$HOME/.local/share}
    bin=$HOME/.local/bin
fi
mkdir -p "$share/applications" "$bin"
for png in "$here"/icons/kamdesk-*.png; do
    size=$(basename "$png" .png)
    size=${size#kamdesk-}
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$share/icons/hicolor/${size}x${size}/apps/kamdesk.png"
done
sed "s|^Exec=.*|Exec=\"$here/kamdesk-app\"|" "$here/kamdesk.desktop" \
    > "$share/applications/kamdesk.desktop"
ln -sf "$here/kamdesk-app" "$bin/kamdesk-app"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$share/applications" >/dev/null 2>&1 || true
fi
echo "kamdesk is in the applications menu; in a terminal, kamdesk-app runs it and its commands."
