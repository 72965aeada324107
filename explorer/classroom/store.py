"""The class store: classes, their students and their answers, in SQLite (one file, the default) or PostgreSQL
(several app processes), through SQLAlchemy Core: one set of statements, bound parameters only, every write a
transaction. The schema is versioned: a database written by an older release is brought up to date when it is opened
(:data:`MIGRATIONS`, through Alembic's operations, which write each change in the database's own dialect)."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from collections import Counter
from pathlib import Path

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    true,
    update,
)
from sqlalchemy.exc import IntegrityError

from explorer.i18n import LocalizedError

SCHEMA_VERSION = 2
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"     # read aloud without doubt: no 0/O, 1/I/L
CODE_LENGTH = 6                                       # 31⁶ ≈ 887 million codes
MAX_STUDENTS = 200
MAX_NICKNAME = 40
MAX_ANSWER = 400
MAX_QUESTION = 80                                     # a question's name (``3 conv_value``)
KEEP_HOURS = 24.0                                     # CNN_EXPLORER_CLASS_HOURS

metadata = MetaData()
schema = Table("schema_version", metadata, Column("version", Integer, nullable=False))
classes = Table(
    "classes", metadata,
    Column("code", String(CODE_LENGTH), primary_key=True),
    Column("key_hash", String(64), nullable=False),          # sha256 of the teacher key: the key itself is not kept
    Column("spec", Text, nullable=False),                    # the worksheet or the question order, as JSON
    Column("created", Float, nullable=False),
    # one question at a time (version 2): the question now asked (None: the whole sheet at once) and whether its
    # answers are taken (the teacher pauses and moves on)
    Column("asked", String(MAX_QUESTION)),
    Column("open", Boolean, nullable=False, server_default=true()),
)
students = Table(
    "students", metadata,
    Column("id", String(32), primary_key=True),
    Column("code", String(CODE_LENGTH), ForeignKey("classes.code", ondelete="CASCADE"), nullable=False, index=True),
    Column("nickname", String(MAX_NICKNAME), nullable=False),
    Column("joined", Float, nullable=False),
)
answers = Table(
    "answers", metadata,
    Column("code", String(CODE_LENGTH), ForeignKey("classes.code", ondelete="CASCADE"), primary_key=True),
    Column("student", String(32), ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    Column("question", String(MAX_QUESTION), primary_key=True),        # once per student and question: the first counts
    Column("answer", String(MAX_ANSWER), nullable=False),
    Column("correct", Boolean, nullable=False),
    Column("mistake", String(40)),
    Column("at", Float, nullable=False),
)


LOCK = 0x636E6E65                                     # PostgreSQL's advisory lock held while the schema is set up


class ClassError(LocalizedError):
    """A class code that names no open class, a full class, or a question whose answers are not taken now."""


def _v2(op: Operations) -> None:
    """One question at a time: the question asked now, and whether its answers are taken."""
    op.add_column("classes", Column("asked", String(80)))          # as version 2 wrote it, whatever comes later
    op.add_column("classes", Column("open", Boolean, nullable=False, server_default=true()))


MIGRATIONS = {2: _v2}       # version → the change from the version before it


def default_url() -> str:
    """The embedded SQLite file in the user's data directory (``$XDG_DATA_HOME/cnn-explorer/classes.sqlite3``)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "cnn-explorer"
    base.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{base / 'classes.sqlite3'}"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Store:
    """The classes of one database. ``clock`` gives the time (the tests move it); ``keep_hours``: data older than
    this is deleted (at each new class and each board)."""

    def __init__(self, url: str, *, keep_hours: float | None = None, clock=time.time) -> None:
        self.url = url
        self.keep_hours = keep_hours if keep_hours is not None else float(
            os.environ.get("CNN_EXPLORER_CLASS_HOURS", KEEP_HOURS))
        self.clock = clock
        sqlite = url.startswith("sqlite")
        if url.startswith("postgresql://"):         # psycopg 3, not SQLAlchemy's default driver (psycopg2)
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        self.engine = create_engine(url, pool_pre_ping=not sqlite,
                                    connect_args={"timeout": 30, "check_same_thread": False} if sqlite else {})
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._set_up()

    def _set_up(self) -> None:
        """A new database gets the current schema; one written by an older release is migrated, one step after the
        other, in one transaction that holds the database's lock (processes that start together take turns: on
        PostgreSQL an advisory lock, on SQLite the write lock, taken at the start, so that its DDL is in the
        transaction too)."""
        with self.engine.begin() as db:
            if db.dialect.name == "postgresql":
                db.execute(select(func.pg_advisory_xact_lock(LOCK)))
            else:
                db.exec_driver_sql("BEGIN IMMEDIATE")
            new = not inspect(db).has_table(classes.name)
            metadata.create_all(db)             # what is missing; an existing table is left as it is
            version = db.execute(select(schema.c.version)).scalar()
            if version is None:                 # a new database (schema 1 always wrote its version)
                version = SCHEMA_VERSION if new else 1
                db.execute(insert(schema).values(version=version))
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"the class database {self.url!r} was written by a newer release "
                                   f"(schema {version}, this one knows {SCHEMA_VERSION})")
            operations = Operations(MigrationContext.configure(db))
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](operations)
            db.execute(update(schema).values(version=SCHEMA_VERSION))

    def version(self) -> int:
        """The database's schema version."""
        with self.engine.connect() as db:
            return db.execute(select(schema.c.version)).scalar()

    def create_class(self, spec: dict) -> tuple[str, str]:
        """A new class for ``spec`` (what its students answer): ``(class code, teacher key)``. The key (128 bits)
        is shown once; only its hash is kept."""
        self.expire()
        key = secrets.token_urlsafe(16)
        for _ in range(20):
            code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
            try:
                with self.engine.begin() as db:
                    db.execute(insert(classes).values(code=code, key_hash=_hash(key), spec=json.dumps(spec),
                                                      created=self.clock()))
                return code, key
            except IntegrityError:          # that code is taken: draw another
                continue
        raise RuntimeError("no free class code after 20 draws")

    def _cutoff(self) -> float:
        """Classes created before this time have expired."""
        return self.clock() - self.keep_hours * 3600

    @staticmethod
    def _find(db, code: str):
        return db.execute(select(classes).where(classes.c.code == normalise_code(code))).first()

    def _open_class(self, db, code: str):
        found = self._find(db, code)
        if found is None or found.created < self._cutoff():
            raise ClassError("err.classroom_unknown", code=normalise_code(code))
        return found

    def spec(self, code: str) -> dict:
        """What the class answers (the spec it was created with)."""
        with self.engine.connect() as db:
            return json.loads(self._open_class(db, code).spec)

    def join(self, code: str, nickname: str = "") -> str:
        """A new student of the class: their id. ``ClassError`` (a ``ValueError``) for an unknown or ended class,
        or a full one."""
        student = secrets.token_hex(12)
        with self.engine.begin() as db:
            found = self._open_class(db, code)
            count = db.execute(select(func.count()).select_from(students)
                               .where(students.c.code == found.code)).scalar()
            if count >= MAX_STUDENTS:
                raise ClassError("err.classroom_full", most=MAX_STUDENTS)
            db.execute(insert(students).values(id=student, code=found.code, nickname=_text(nickname, MAX_NICKNAME),
                                               joined=self.clock()))
        return student

    def record(self, code: str, student: str, question: str, answer: str, correct: bool,
               mistake: str | None) -> bool:
        """A student's answer to a question; ``False`` when they already answered it (the first answer counts)."""
        question = _text(question, MAX_QUESTION)
        try:
            with self.engine.begin() as db:
                found = self._open_class(db, code)
                if found.asked is not None and (question != found.asked or not found.open):
                    raise ClassError("err.classroom_closed")
                db.execute(insert(answers).values(code=found.code, student=student, question=question,
                                                  answer=_text(answer, MAX_ANSWER), correct=bool(correct),
                                                  mistake=mistake, at=self.clock()))
            return True
        except IntegrityError:
            return False

    def answers_of(self, code: str, student: str) -> dict[str, tuple[str, bool, str | None]]:
        """What one student of the class answered, ``{question: (answer, correct, mistake)}``: a student who comes
        back (a reloaded page) finds their progress. ``ClassError`` when the class is not open or has no such
        student."""
        with self.engine.connect() as db:
            found = self._open_class(db, code)
            known = db.execute(select(students.c.id).where(students.c.id == str(student)[:32],
                                                           students.c.code == found.code)).first()
            if known is None:
                raise ClassError("err.classroom_unknown", code=found.code)
            rows = db.execute(select(answers.c.question, answers.c.answer, answers.c.correct, answers.c.mistake)
                              .where(answers.c.code == found.code, answers.c.student == known.id)).all()
        return {row.question: (row.answer, bool(row.correct), row.mistake) for row in rows}

    def pace(self, code: str) -> dict:
        """Where a class that goes one question at a time is: ``{"asked": question or None, "open": bool}``
        (``None``: the whole sheet is answered at once). Anyone with the code may read it."""
        with self.engine.connect() as db:
            found = self._open_class(db, code)
            return {"asked": found.asked, "open": bool(found.open)}

    def set_pace(self, code: str, teacher_key: str, *, asked: str | None = None, open: bool = True) -> None:
        """Ask ``asked`` now (only its answers are taken from then on), or, with ``open=False``, pause: no answer
        is taken until the teacher opens it again. The teacher's key required."""
        with self.engine.begin() as db:
            found = self._teacher(db, code, teacher_key)
            db.execute(update(classes).where(classes.c.code == found.code)
                       .values(asked=_text(asked or found.asked or "", MAX_QUESTION) or None, open=bool(open)))

    def _teacher(self, db, code: str, teacher_key: str):
        found = self._find(db, code)
        if found is None or not hmac.compare_digest(found.key_hash, _hash(teacher_key or "")):
            raise PermissionError("not this class's teacher key")
        return found

    def board(self, code: str, teacher_key: str) -> dict:
        """What the class answered: ``{"students": n, "questions": {question: {"answered", "right",
        "answers": Counter, "mistakes": Counter}}, "rows": [(nickname, question, answer, correct, mistake, at)],
        "asked", "open"}`` (the last two: :meth:`pace`).
        ``PermissionError`` for a wrong key."""
        self.expire()
        with self.engine.connect() as db:
            found = self._teacher(db, code, teacher_key)
            joined = db.execute(select(func.count()).select_from(students)
                                .where(students.c.code == found.code)).scalar()
            rows = db.execute(select(students.c.nickname, answers.c.question, answers.c.answer, answers.c.correct,
                                     answers.c.mistake, answers.c.at)
                              .join(students, students.c.id == answers.c.student)
                              .where(answers.c.code == found.code).order_by(answers.c.at)).all()
        questions: dict[str, dict] = {}
        for row in rows:
            one = questions.setdefault(row.question, {"answered": 0, "right": 0, "answers": Counter(),
                                                      "mistakes": Counter()})
            one["answered"] += 1
            one["right"] += bool(row.correct)
            one["answers"][row.answer] += 1
            if row.mistake:
                one["mistakes"][row.mistake] += 1
        return {"students": joined, "questions": questions, "rows": [tuple(row) for row in rows],
                "asked": found.asked, "open": bool(found.open)}

    def end_class(self, code: str, teacher_key: str) -> None:
        """The class, its students and their answers deleted (the teacher's key required)."""
        with self.engine.begin() as db:
            found = self._teacher(db, code, teacher_key)
            self._delete(db, [found.code])

    def expire(self) -> int:
        """Classes older than the limit deleted with everything in them; how many."""
        with self.engine.begin() as db:
            old = [row.code for row in db.execute(select(classes.c.code).where(
                classes.c.created < self._cutoff()))]
            self._delete(db, old)
        return len(old)

    @staticmethod
    def _delete(db, codes: list[str]) -> None:
        if codes:       # children first: SQLite enforces the foreign keys only with its pragma, so do not rely on it
            db.execute(delete(answers).where(answers.c.code.in_(codes)))
            db.execute(delete(students).where(students.c.code.in_(codes)))
            db.execute(delete(classes).where(classes.c.code.in_(codes)))

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")           # readers do not wait for the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def normalise_code(code: str) -> str:
    """A typed class code as stored: upper case, without spaces or dashes (read aloud, typed as heard).

    Example:
        >>> normalise_code(" ab-c2 3d ")
        'ABC23D'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKC", str(code)).upper() if ch.isalnum())[:CODE_LENGTH + 4]


def _text(value, most: int) -> str:
    r"""Typed text as kept: without control characters (PostgreSQL refuses NUL in text; a newline ends a row in a
    grid answer and is kept), at most ``most`` characters.

    Example:
        >>> _text(" a\x00b\tc\n1 2 ", 40)
        'abc\n1 2'
    """
    return "".join(ch for ch in str(value) if ch == "\n" or unicodedata.category(ch)[0] != "C").strip()[:most]

