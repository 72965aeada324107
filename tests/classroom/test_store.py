"""The class store against SQLite and against a real PostgreSQL cluster started on loopback for the tests (Debian's
package, which `.ci/run` installs; skipped locally when its binaries are missing, never in CI): create, join,
record once, the board's counts, the teacher key, end, expiry, 40 students at once, data kept across reopening."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine

from explorer import classroom
from explorer.classroom import ClassError, open_store, store


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'classes.sqlite3'}"
    address = request.getfixturevalue("postgres_url")
    wipe = open_store(address)
    with wipe.engine.begin() as db:                      # each test starts from an empty database
        for table in (store.answers, store.students, store.classes):
            db.execute(table.delete())
    wipe.close()
    return address


def test_a_class_from_creation_to_its_end(url):
    s = open_store(url)
    code, key = s.create_class({"kinds": ["conv_value"], "count": 2, "level": 1, "seed": 7})
    assert len(code) == store.CODE_LENGTH and set(code) <= set(store.CODE_LETTERS) and len(key) >= 22  # 128 bits
    ada, bo = s.join(code, "Ada"), s.join(code.lower()[:3] + " " + code.lower()[3:], "Bo")   # typed as heard
    assert s.spec(code) == {"kinds": ["conv_value"], "count": 2, "level": 1, "seed": 7}
    assert s.record(code, ada, "q1", "12", True, None) is True
    assert s.record(code, ada, "q1", "13", False, "flipped") is False        # the first answer counts
    assert s.record(code, bo, "q1", "13", False, "flipped") and s.record(code, bo, "q2", "4", True, None)
    board = s.board(code, key)
    assert board["students"] == 2 and board["questions"]["q1"] == {
        "answered": 2, "right": 1, "answers": {"12": 1, "13": 1}, "mistakes": {"flipped": 1}}
    assert [row[0] for row in board["rows"]] == ["Ada", "Bo", "Bo"]
    assert s.answers_of(code, bo) == {"q1": ("13", False, "flipped"), "q2": ("4", True, None)}   # Bo comes back
    with pytest.raises(ClassError):
        s.answers_of(code, "not a student of this class")
    with pytest.raises(PermissionError):
        s.board(code, key[:-1] + ("A" if key[-1] != "A" else "B"))
    with pytest.raises(PermissionError):
        s.end_class(code, "")
    s.end_class(code, key)
    with pytest.raises(ClassError, match="no open class"):
        s.join(code, "late")
    with pytest.raises(PermissionError):                 # nothing left to show
        s.board(code, key)
    s.close()


def test_typed_text_is_kept_without_control_characters_and_codes_typed_full_width(url):
    s = open_store(url)
    code, key = s.create_class({})
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in code)          # as a Chinese input method types it
    student = s.join(full_width, "a\x00b\u200bc")              # PostgreSQL refuses NUL in text
    assert s.record(code, student, "q1", "1 2\x00\n3 4", True, None)
    assert s.board(code, key)["rows"][0][:3] == ("abc", "q1", "1 2\n3 4")
    s.close()


def test_an_unknown_code_is_a_clear_message_in_both_languages(url):
    s = open_store(url)
    with pytest.raises(ValueError) as refused:
        s.join("ZZZZZZ")
    assert "ZZZZZZ" in refused.value.text("en") and "课堂" in refused.value.text("zh")
    with pytest.raises(ClassError):
        s.record("ZZZZZZ", "nobody", "q1", "1", True, None)
    s.close()


def test_old_classes_expire_with_everything_in_them(url):
    now = [1_000_000.0]
    s = store.Store(url, keep_hours=24, clock=lambda: now[0])
    code, key = s.create_class({})
    student = s.join(code, "x")
    s.record(code, student, "q1", "1", True, None)
    now[0] += 23 * 3600
    assert s.board(code, key)["students"] == 1
    now[0] += 2 * 3600
    assert s.expire() == 1
    with pytest.raises(ClassError):
        s.join(code)
    with s.engine.connect() as db:
        assert all(db.execute(store.select(store.func.count()).select_from(t)).scalar() == 0
                   for t in (store.answers, store.students, store.classes))
    s.close()


def test_a_class_holds_its_most_students(url, monkeypatch):
    monkeypatch.setattr(store, "MAX_STUDENTS", 3)
    s = open_store(url)
    code, _ = s.create_class({})
    for n in range(3):
        s.join(code, f"s{n}")
    with pytest.raises(ClassError, match="full"):
        s.join(code, "one more")
    s.close()


def test_forty_students_answering_at_once_lose_nothing(url):
    s = open_store(url)
    code, key = s.create_class({})
    failures = []

    def student(n: int) -> None:
        try:
            me = s.join(code, f"student {n}")
            for q in range(3):
                assert s.record(code, me, f"q{q}", str(n), n % 2 == 0, None if n % 2 == 0 else "flipped")
            assert not s.record(code, me, "q0", "again", True, None)
        except Exception as err:          # noqa: BLE001  (reported below, with the thread's number)
            failures.append((n, repr(err)))

    threads = [threading.Thread(target=student, args=(n,)) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    board = s.board(code, key)
    assert board["students"] == 40 and all(q["answered"] == 40 and q["right"] == 20 and q["mistakes"]["flipped"] == 20
                                           for q in board["questions"].values())
    s.close()


def test_the_data_outlives_the_store_object(url):
    first = open_store(url)
    code, key = first.create_class({"count": 1})
    first.record(code, first.join(code, "Ada"), "q1", "3", True, None)
    first.close()
    again = open_store(url)
    assert again.board(code, key)["questions"]["q1"]["right"] == 1
    again.close()


def test_the_default_is_an_embedded_sqlite_file_in_the_users_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("CNN_EXPLORER_DB_URL", raising=False)
    s = classroom.open_store()
    s.create_class({})
    assert (tmp_path / "cnn-explorer" / "classes.sqlite3").exists() and s.url.startswith("sqlite:///")
    with s.engine.connect() as db:
        assert db.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


def test_one_question_at_a_time_takes_only_the_asked_question_while_open(url):
    s = open_store(url)
    code, key = s.create_class({"paced": True})
    ada = s.join(code, "Ada")
    assert s.pace(code) == {"asked": None, "open": True}             # a sheet at once until the teacher paces it
    with pytest.raises(PermissionError):
        s.set_pace(code, "not the key", asked="1 conv_value")
    s.set_pace(code, key, asked="1 conv_value")
    assert s.pace(code.lower()) == {"asked": "1 conv_value", "open": True}
    with pytest.raises(ClassError) as early:                         # the next one is not asked yet
        s.record(code, ada, "2 pool_value", "3", True, None)
    assert "not counted" in early.value.text("en") and "没有计入" in early.value.text("zh")
    assert s.record(code, ada, "1 conv_value", "12", True, None)
    s.set_pace(code, key, open=False)                                # paused: the same question, closed
    assert s.pace(code) == {"asked": "1 conv_value", "open": False}
    bo = s.join(code, "Bo")
    with pytest.raises(ClassError):
        s.record(code, bo, "1 conv_value", "13", False, "flipped")
    s.set_pace(code, key, asked="2 pool_value")                       # moved on: open again, the old one closed
    with pytest.raises(ClassError):
        s.record(code, bo, "1 conv_value", "13", False, "flipped")
    assert s.record(code, bo, "2 pool_value", "4", True, None)
    assert sorted(s.board(code, key)["questions"]) == ["1 conv_value", "2 pool_value"]
    s.close()


# the tables as release 1 (schema 1) wrote them: a database of that release is migrated when it is opened
V1 = store.MetaData()
store.Table("schema_version", V1, store.Column("version", store.Integer, nullable=False))
store.Table("classes", V1, store.Column("code", store.String(6), primary_key=True),
            store.Column("key_hash", store.String(64), nullable=False),
            store.Column("spec", store.Text, nullable=False),
            store.Column("created", store.Float, nullable=False))
store.Table("students", V1, store.Column("id", store.String(32), primary_key=True),
            store.Column("code", store.String(6), store.ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
            store.Column("nickname", store.String(40), nullable=False),
            store.Column("joined", store.Float, nullable=False))
store.Table("answers", V1, store.Column("code", store.String(6), store.ForeignKey("classes.code"), primary_key=True),
            store.Column("student", store.String(32), store.ForeignKey("students.id"), primary_key=True),
            store.Column("question", store.String(80), primary_key=True),
            store.Column("answer", store.String(400), nullable=False),
            store.Column("correct", store.Boolean, nullable=False), store.Column("mistake", store.String(40)),
            store.Column("at", store.Float, nullable=False))


def _engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def test_a_database_of_the_first_release_is_migrated_with_its_classes_kept(url):
    engine = _engine(url)
    with engine.begin() as db:
        store.metadata.drop_all(db)
        V1.create_all(db)
        db.execute(V1.tables["schema_version"].insert().values(version=1))
        db.execute(V1.tables["classes"].insert().values(code="ABCDEF", key_hash=store._hash("k"), spec="{}",
                                                        created=time.time()))
    engine.dispose()
    opened = []                 # two replicas starting together: one migrates, the other waits and finds it done
    threads = [threading.Thread(target=lambda: opened.append(open_store(url))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(opened) == 2 and [o.version() for o in opened] == [2, 2]
    for other in opened:
        other.close()
    s = open_store(url)
    assert s.version() == store.SCHEMA_VERSION == 2
    ada = s.join("ABCDEF", "Ada")                            # the old class goes on, a whole sheet at once
    assert s.pace("ABCDEF") == {"asked": None, "open": True} and s.record("ABCDEF", ada, "q1", "1", True, None)
    s.set_pace("ABCDEF", "k", asked="q2")
    assert s.pace("ABCDEF")["asked"] == "q2"
    s.close()
    assert open_store(url).version() == 2                    # opened again: nothing more to do


def test_a_database_of_a_newer_release_is_refused_not_damaged(url):
    s = open_store(url)
    with s.engine.begin() as db:
        db.execute(store.update(store.schema).values(version=store.SCHEMA_VERSION + 1))
    s.close()
    with pytest.raises(RuntimeError, match="newer release"):
        open_store(url)
    with _engine(url).begin() as db:
        db.execute(store.update(store.schema).values(version=store.SCHEMA_VERSION))
