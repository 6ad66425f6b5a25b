"""The Qt desktop: the only package that imports PySide6. It calls services, never storage."""
