"""A live class without browsers: a teacher starts one, the students join with its link and answer, the board counts.

    python benchmarks/live_class.py [--students 30] [--questions 3] [--think 2] [--seed 0]
    python benchmarks/live_class.py --url http://host:8080 ...     # a running server or the proxy in front of several

Everyone is a client of benchmarks/class_client.py speaking Streamlit's agent API (the server needs
``STREAMLIT_SERVER_ENABLE_AGENT_API=true``; without ``--url`` one is started here, with its class store in a
temporary SQLite file). The teacher opens Check yourself, starts a class on a sheet of ``--questions`` questions and
reads the join and board links from the page. Each student opens the join link, joins with a nickname, and answers
the questions in turn, looking ``--think`` seconds on average at each (drawn from half to one and a half times that):
two answers in three right, the others a named mistake of the question's own, so the board has mistakes to count.
Then the teacher opens the board link: its counts must be the class's, whichever server process each student was on
(``deploy/serve.sh`` with ``--db-url``: every replica shares one PostgreSQL).

It prints the interactions' times (median / p95 / max by kind), the errors, what the board shows against what the
class did, and exits 1 when they differ or anything failed. tests/test_deploy.py runs 30 students through the proxy.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)
from class_client import AgentStudent, Interaction  # noqa: E402

from explorer import exercises, i18n  # noqa: E402
from explorer.exercises.question import show  # noqa: E402
from explorer.timing import cpu_model  # noqa: E402
from explorer.ui.state import exercises as state  # noqa: E402

PAGE = "check_yourself"
KINDS = ("conv_output_size", "pool_output_size", "conv_value", "pool_value")


def _t(key: str, **values) -> str:
    return i18n.t(key, "en", **values)


def _query(link: str) -> dict:
    return dict(parse_qsl(urlsplit(link).query))


def start(url: str, questions: int, seed: int) -> tuple[AgentStudent, dict, dict, list[Interaction]]:
    """The teacher's session, the join and board links' parameters, and what it did."""
    teacher = AgentStudent(url, "teacher")
    sheet = {state.MODE: "teach", state.WS_KINDS: ",".join(KINDS), state.WS_COUNT: questions, state.WS_LEVEL: 1,
             state.WS_SEED: seed}
    done = [teacher.open(PAGE, sheet), teacher.press(_t("live.start"))]
    links = [props.get("body", "") for props in teacher.shown("code")]
    if len(links) < 2:
        raise SystemExit(f"the teacher's page shows no class links: {[d.error for d in done]}")
    return teacher, _query(links[0]), _query(links[1]), done


def attend(url: str, n: int, join: dict, questions: int, think: float,
           seed: int) -> tuple[AgentStudent, list[Interaction], list]:
    """Student ``n``: join, answer every question of the sheet (right, or with a mistake); what it did and what it
    answered ``[(question number, right, mistake or None)]``."""
    rng = random.Random(seed * 7919 + n)
    sheet = exercises.worksheet(list(KINDS), questions, 1, seed)
    student = AgentStudent(url, f"student {n}")
    time.sleep(rng.uniform(0, think))
    done = [student.open(PAGE, join)]
    nickname = student.key_for(_t("live.nickname"))
    done.append(student.submit(state.LIVE_JOIN_FORM, {nickname: f"student {n}"} if nickname else {}, "join"))
    answered, verdicts = [], set()
    for number, q in enumerate(sheet, start=1):
        time.sleep(rng.uniform(0.5, 1.5) * think)
        right = (n + number) % 3 != 0 or not q.mistakes
        mistake = None if right else sorted(q.mistakes)[(n + number) % len(q.mistakes)]
        text = q.answer_text() if right else show(q.mistakes[mistake], q.shape)
        if not right:                   # its verdict is an error box on the page: expected, not a failure
            verdicts.add(q.check(text).message("en"))
        asked = (q.kind, q.seed, q.level)
        sent = student.submit(state.form(*asked), {state.answer(*asked): text}, f"answer {number}")
        rest = sent.error or ""
        for verdict in verdicts:        # (a verdict may hold "; ", which joins the page's error texts)
            rest = rest.replace(verdict, "")
        if sent.error and not rest.replace(";", "").strip():
            sent = replace(sent, error=None)
        done.append(sent)
        answered.append((number, right, mistake))
    return student, done, answered


def run(url: str, students: int, questions: int = 3, think: float = 2.0, seed: int = 0) -> dict:
    """The class at ``url``: interactions, the students' sessions, what the board shows and what it should."""
    teacher, join, board, done = start(url, questions, seed)
    with ThreadPoolExecutor(students) as pool:
        attended = list(pool.map(lambda n: attend(url, n, join, questions, think, seed), range(students)))
    done += [d for _, some, _ in attended for d in some]
    done.append(teacher.open(PAGE, board))
    shown = {props.get("label"): props.get("value") for props in teacher.shown("metric")}
    lines = [props.get("body", "") for props in teacher.shown("markdown")]
    sheet = exercises.worksheet(list(KINDS), questions, 1, seed)
    expected = {"joined": students, "answers": students * questions,
                "lines": [_t("live.question_line", n=number, kind=_t(f"ex.kind.{q.kind}"), answered=students,
                             right=sum(right for _, _, answered in attended for m, right, _ in answered
                                       if m == number)) for number, q in enumerate(sheet, start=1)]}
    found = {"joined": shown.get(_t("live.joined")), "answers": shown.get(_t("live.answers")),
             "lines": [line for line in lines if line in expected["lines"]]}
    for student, _, _ in attended:
        student.close()
    teacher.close()
    return {"interactions": done, "expected": expected, "board": found, "class": board.get(state.CLASS),
            "sessions": [student.session_id for student, _, _ in attended]}


def _spread(done: list[Interaction]) -> str:
    seconds = sorted(d.seconds for d in done if d.ok)
    if not seconds:
        return "–"
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    return f"{statistics.median(seconds):.2f} / {p95:.2f} / {seconds[-1]:.2f} s"


def report(r: dict, args: argparse.Namespace) -> bool:
    """Print the class; whether it went as it should."""
    done = r["interactions"]
    errors = [d for d in done if not d.ok]
    print(f"Live class on {r['url']}; this machine: {cpu_model()}, {os.cpu_count()} cores")
    print(f"{args.students} students, {args.questions} questions each, {args.think:g} s to think: {len(done)} "
          f"interactions, {len(errors)} errors")
    for kind in ("open", "press", "submit"):
        some = [d for d in done if d.kind == kind]
        if some:
            print(f"  {kind:8} median / p95 / max {_spread(some)}  ({len(some)})")
    for error in errors[:5]:
        print(f"  error: {error.student}, {error.kind} {error.what}: {error.error}")
    same = r["board"]["joined"] == r["expected"]["joined"] and r["board"]["answers"] == r["expected"]["answers"] \
        and r["board"]["lines"] == r["expected"]["lines"]
    print(f"the board of class {r['class']}: {r['board']['joined']} joined, {r['board']['answers']} answers "
          f"(the class: {r['expected']['joined']}, {r['expected']['answers']}); per question "
          + ("as answered" if r["board"]["lines"] == r["expected"]["lines"] else
             f"NOT as answered: expected {r['expected']['lines']}, shown {r['board']['lines']}"))
    return same and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--think", type=float, default=2.0, help="average seconds before each answer (0: at once)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--url", help="a running server or proxy (agent API on) instead of starting one")
    args = parser.parse_args()
    if args.url:
        result = {**run(args.url, args.students, args.questions, args.think, args.seed), "url": args.url}
    else:
        env = {"STREAMLIT_SERVER_ENABLE_AGENT_API": "true", "STREAMLIT_SERVER_AGENT_MAX_SESSIONS": str(
            max(100, 2 * args.students)), "CNN_EXPLORER_DB_URL": f"sqlite:///{tempfile.mkdtemp()}/classes.sqlite3"}
        with app_server(env) as (url, _):
            result = {**run(url, args.students, args.questions, args.think, args.seed), "url": f"{url} (started)"}
    sys.exit(0 if report(result, args) else 1)


if __name__ == "__main__":
    main()
