"""The metaschema check is remembered per schema file (build/cache/metaschema.json), and the
memory can never hide a broken schema: an edited file is checked again and gets the same
message as without any cache; a corrupt, strange or unwritable cache changes nothing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from casefile.errors import ProjectFileError
from casefile.validate import metaschema_cache, schema, schema_files
from casefile.paths import SCHEMAS

DASH = " — "
NOT_A_SCHEMA = {  # file: (edit, what `check` says of it)
    "case.schema.json": (lambda d: {**d, "type": 5}, "is not a valid JSON Schema (5 is not valid under any of the given schemas)"),
    "common.schema.json": (lambda d: {**d, "minLength": "x"}, "is not a valid JSON Schema ('x' is not of type 'integer')"),
}


@pytest.fixture
def schemas(tmp_path, monkeypatch):
    """A copy of data/schema/ read by the validator, with its cache in tmp_path/build/cache/."""
    folder = tmp_path / "schema"
    shutil.copytree(SCHEMAS, folder)
    monkeypatch.setattr(schema_files, "SCHEMAS", folder)
    monkeypatch.setattr(metaschema_cache, "CACHE_FILE", tmp_path / "build" / "cache" / "metaschema.json")
    schema.forget()
    yield folder
    schema.forget()


def read_schemas():
    """What reading the schemas says: None when they are all valid, else the error's message."""
    schema.forget()
    try:
        schema_files.schemas()
    except ProjectFileError as err:
        return str(err)
    return None


def expected(folder, name: str, what: str) -> str:
    path = f"{folder / name}"
    return f"{path}: {what}{DASH}restore it from the repository (git checkout -- {path}) or fix it"


def break_schema(folder, name: str) -> None:
    edit, _ = NOT_A_SCHEMA[name]
    path = folder / name
    path.write_text(json.dumps(edit(json.loads(path.read_text("utf-8"))), indent=2), "utf-8")


def cached() -> dict:
    return json.loads(metaschema_cache.CACHE_FILE.read_text("utf-8"))


def test_a_good_run_remembers_every_schema_and_nothing_else(schemas):
    assert read_schemas() is None
    saved = cached()
    assert sorted(saved["passed"]) == sorted(p.name for p in schemas.glob("*.schema.json"))
    assert saved["passed"]["case.schema.json"] == metaschema_cache.digest((schemas / "case.schema.json").read_bytes())
    assert saved["checker"] == metaschema_cache.checker()


@pytest.mark.parametrize("name", NOT_A_SCHEMA)
def test_a_schema_broken_after_a_good_run_gets_the_same_message_as_without_cache(schemas, name):
    assert read_schemas() is None  # the cache now lists every schema as passed
    break_schema(schemas, name)
    message = read_schemas()
    assert message == expected(schemas, name, NOT_A_SCHEMA[name][1])
    broken = metaschema_cache.digest((schemas / name).read_bytes())
    assert broken not in cached()["passed"].values()  # a failure is never remembered
    assert read_schemas() == message  # and it stays reported, run after run
    metaschema_cache.CACHE_FILE.unlink()
    assert read_schemas() == message  # the same words without any cache


def test_a_cache_of_another_checker_is_not_trusted(schemas):
    name = "case.schema.json"
    break_schema(schemas, name)
    broken = metaschema_cache.digest((schemas / name).read_bytes())
    metaschema_cache.CACHE_FILE.parent.mkdir(parents=True)
    metaschema_cache.CACHE_FILE.write_text(json.dumps({"checker": "an older jsonschema", "passed": {name: broken}}), "utf-8")
    assert read_schemas() == expected(schemas, name, NOT_A_SCHEMA[name][1])


def _garbage(path):
    path.write_bytes(b"\x00\xff{not json")


def _wrong_shape(path):
    path.write_text(json.dumps(["passed", "everything"]), "utf-8")


def _wrong_values(path):
    path.write_text(json.dumps({"checker": metaschema_cache.checker(), "passed": [1, 2]}), "utf-8")


def test_another_install_of_the_libraries_is_another_checker(schemas, tmp_path, monkeypatch):
    """An upgrade rewrites the library's files: what passed under the old one is checked again."""
    package = tmp_path / "lib" / "fake_jsonschema"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VERSION = 1\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.setattr(metaschema_cache, "LIBRARIES", ("fake_jsonschema",))
    assert read_schemas() is None
    before = cached()["checker"]
    assert before == metaschema_cache.checker() and len(metaschema_cache.Passed().known) == len(list(schemas.glob("*.json")))
    (package / "__init__.py").write_text("VERSION = 22\n", "utf-8")
    assert metaschema_cache.checker() != before
    assert metaschema_cache.Passed().known == set()


def _folder(path):
    path.mkdir()


def _fifo(path):
    os.mkfifo(path)  # reading it must not wait for a writer


def _link(path):
    (path.parent / "elsewhere.json").write_text("{}", "utf-8")
    path.symlink_to("elsewhere.json")


@pytest.mark.parametrize("spoil", [_garbage, _wrong_shape, _wrong_values, _folder, _fifo, _link], ids=lambda f: f.__name__[1:])
def test_a_corrupt_or_strange_cache_is_ignored(schemas, spoil):
    metaschema_cache.CACHE_FILE.parent.mkdir(parents=True)
    spoil(metaschema_cache.CACHE_FILE)
    assert read_schemas() is None
    break_schema(schemas, "case.schema.json")
    assert read_schemas() == expected(schemas, "case.schema.json", NOT_A_SCHEMA["case.schema.json"][1])


def test_a_build_folder_that_cannot_be_written_changes_nothing(schemas, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where build/ should be", "utf-8")
    monkeypatch.setattr(metaschema_cache, "CACHE_FILE", blocked / "cache" / "metaschema.json")
    assert read_schemas() is None
    break_schema(schemas, "common.schema.json")
    assert read_schemas() == expected(schemas, "common.schema.json", NOT_A_SCHEMA["common.schema.json"][1])
    assert blocked.read_text("utf-8") == "a file where build/ should be"


def test_check_in_a_checkout_reports_a_schema_edited_after_a_good_check(repo_copy):
    """End to end, as a contributor meets it: `check`, edit a schema, `check` again."""
    def check():
        return subprocess.run([sys.executable, str(repo_copy / "scripts/build.py"), "check"], cwd=repo_copy,
                              capture_output=True, text=True, timeout=300)

    assert check().returncode == 0
    assert (repo_copy / "build/cache/metaschema.json").is_file()
    break_schema(repo_copy / "data/schema", "case.schema.json")
    result = check()
    assert result.returncode == 3 and result.stdout == ""
    name = "data/schema/case.schema.json"
    assert result.stderr.splitlines() == [
        f"check: {name}: {NOT_A_SCHEMA['case.schema.json'][1]}{DASH}restore it from the repository (git checkout -- {name}) or fix it"]
