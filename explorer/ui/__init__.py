"""The only Streamlit code besides Home.py and pages/: the shell, widgets, caches and one renderer per panel."""
