"""The nginx configuration for several CNN Explorer processes, from ``nginx.conf.template``.

    python deploy/nginx_conf.py OUT --run DIR --listen HOST:PORT --server 127.0.0.1:8501 [--server …] [--user U]

``serve.sh`` writes its configuration with this; ``nginx.compose.conf`` is its output for the compose file
(a test keeps the two equal). The body limit is the app's upload limit as Streamlit reads it, plus 1 MB for the
multipart envelope, so a file the app accepts always passes the proxy.
"""
from __future__ import annotations

import argparse
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
COOKIE = "cnn_explorer_replica"
ENVELOPE_MB = 1


def app_upload_mb() -> int:
    """``server.maxUploadSize`` as the app will read it (``.streamlit/config.toml``, then ``STREAMLIT_…``); run from
    the repository root."""
    from streamlit import config
    config.get_config_options()
    return int(config.get_option("server.maxUploadSize"))


def render(servers: list[str], listen: str, run: str, body_mb: int, user: str = "") -> str:
    """The configuration text: ``servers`` as ``host:port``, ``listen`` as nginx's ``listen`` takes it."""
    fields = {"USER": f"user {user};" if user else "", "RUN": run, "LISTEN": listen, "BODY_MB": str(body_mb),
              "SERVERS": "\n".join(f"        server {s} max_fails=0;" for s in servers), "COOKIE": COOKIE}
    text = TEMPLATE.read_text()
    for field, value in fields.items():
        text = text.replace(f"@{field}@", value)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--run", required=True)
    parser.add_argument("--listen", required=True)
    parser.add_argument("--server", action="append", required=True)
    parser.add_argument("--user", default="")
    args = parser.parse_args()
    Path(args.out).write_text(render(args.server, args.listen, args.run, app_upload_mb() + ENVELOPE_MB, args.user))


if __name__ == "__main__":
    main()
