"""Load and check the guide's content (content/*.yml) against the JSON Schema beside
each file, then check ids and cross-references.

Every problem becomes a ContentError whose message names the file, the place (line
and the path inside the file) and what is wrong, so an editor can fix it without
reading a traceback.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from . import revisions
from .checks import site_checks

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
DOCS_DIR = ROOT / "docs"

# One YAML file per model; each has <name>.schema.json beside it.
MODELS = (
    "glossary", "sources", "changelog", "releases", "readiness", "value_areas", "checklist",
    "where_to_start", "principles", "limitations", "ethics", "data_privacy",
    "clinical_safety", "pain_points", "action_plan", "healthcare_areas", "support",
    "business_case", "provenance", "figures", "vocabulary", revisions.LOCK,
)

# Cross-references: (file, path pattern inside it, file whose ids it must name).
# "*" matches any list index or key.
REFERENCES = (
    ("glossary", "terms.*.see_also.*", "glossary"),
    ("glossary", "terms.*.sources.*", "sources"),
    ("readiness", "areas.*.components.*.checklist.*", "checklist"),
    ("checklist", "items.*.sources.*", "sources"),
    ("checklist", "problem_statement_item", "checklist"),
    ("checklist", "in_use_item", "checklist"),
    ("limitations", "intro_quote.source", "sources"),
    ("clinical_safety", "quote.source", "sources"),
)

# Tools that gather items from several files: their ids share one set of saved
# answers, so they must be unique across those files too.
SHARED_ID_SPACES = {
    "risk-assurance": ("limitations", "ethics", "data_privacy", "clinical_safety"),
}


class ContentError(Exception):
    """A problem in content/, described for an editor."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"The guide's content has {count} problem{'s' if count != 1 else ''}:"
        return head + "\n" + "\n".join(f"  - {p}" for p in self.problems)


@dataclass
class Loaded:
    data: object
    lines: dict = field(default_factory=dict)  # path tuple -> 1-based line


def format_path(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def load_yaml(path: Path) -> Loaded:
    """Parse YAML keeping the line of every value, refusing duplicate keys."""
    name = _relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([f"{name}: file is missing"]) from None
    except UnicodeDecodeError as err:
        raise ContentError([f"{name}: is not UTF-8 text ({err.reason})"]) from None
    # libyaml's parser (CSafeLoader, in PyYAML's wheels) is about 8 times faster and gives
    # the same values and lines. A file it refuses is read again by the pure-Python
    # parser, so that problems are always worded the same way.
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _parse(text, name, fast)
        except ContentError:
            pass
    return _parse(text, name, yaml.SafeLoader)


def _parse(text: str, name: str, loader_class) -> Loaded:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        lines: dict = {}
        data = _build(node, (), lines, loader, name) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = err.problem or err.context or "cannot be read"
        raise ContentError([f"{where}: YAML syntax error: {problem}"]) from None
    finally:
        loader.dispose()
    return Loaded(data, lines)


def _build(node, path, lines, loader, name):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise ContentError([
                    f"{name}:{key_node.start_mark.line + 1}: {format_path(path + (key,))}: "
                    f"key '{key}' appears twice in the same block"])
            out[key] = _build(value_node, path + (key,), lines, loader, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), lines, loader, name)
                for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _line_for(loaded: Loaded, path) -> int | None:
    path = tuple(path)
    while path not in loaded.lines and path:
        path = path[:-1]
    return loaded.lines.get(path)


def _place(name: str, loaded: Loaded, path) -> str:
    line = _line_for(loaded, path)
    return f"{name}:{line}: {format_path(path)}" if line else f"{name}: {format_path(path)}"


def _type_name(value) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a block of fields", type(None): "empty"}.get(
        type(value), type(value).__name__)


def _describe(error) -> tuple[list, str]:
    """Turn a jsonschema error into (path, plain message)."""
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return path, f"missing required field '{missing}'"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        return path + extra[:1], (f"unknown field '{extra[0]}'" if extra else error.message) + \
            (f" (allowed here: {', '.join(allowed)})" if allowed else "")
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        hint = " (put dates in quotes)" if "date" in type(error.instance).__name__ else ""
        return path, f"should be {wanted}, but is {_type_name(error.instance)}{hint}"
    if kind == "pattern":
        if str(error.validator_value).startswith("^[a-z0-9]"):
            return path, (f"'{error.instance}' is not a valid id: use lower-case letters, "
                          "digits and single hyphens, e.g. 'data-quality'")
        return path, f"'{error.instance}' does not have the expected form ({error.validator_value})"
    if kind == "enum":
        return path, f"'{error.instance}' is not allowed; use one of: " + \
            ", ".join(map(str, error.validator_value))
    if kind == "minLength":
        return path, "must not be empty"
    if kind in ("minItems", "maxItems"):
        return path, f"has {len(error.instance)} entries; {error.message.split(' is ')[-1]}"
    return path, error.message


def validate_model(loaded: Loaded, schema: dict, name: str) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = []
    errors = sorted(validator.iter_errors(loaded.data), key=lambda e: (_line_for(loaded, e.absolute_path) or 0))
    for error in errors:
        path, message = _describe(error)
        problems.append(f"{_place(name, loaded, path)}: {message}")
    return problems


def collect_ids(data, path=()):
    """Yield (id, path) for every block that has an 'id'."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"], path + ("id",)
        for key, value in data.items():
            yield from collect_ids(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from collect_ids(value, path + (i,))


def _match(data, pattern, path=()):
    """Yield (value, path) for values whose path matches a dotted pattern with '*'."""
    if not pattern:
        yield data, path
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(data, dict):
        keys = data.keys() if head == "*" else [head] if head in data else []
        for key in keys:
            yield from _match(data[key], rest, path + (key,))
    elif isinstance(data, list) and head == "*":
        for i, value in enumerate(data):
            yield from _match(value, rest, path + (i,))


def _guide_links(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "guide" and isinstance(value, str):
                yield value, path + (key,)
            else:
                yield from _guide_links(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _guide_links(value, path + (i,))


def load_all(content_dir: Path | None = None, docs_dir: Path | None = None, check_lock: bool = True) -> dict:
    """Load, validate and cross-check every model, then check the content against the
    revisions lock (unless check_lock is False: macros/revise.py, which writes it).
    Raise ContentError listing every problem."""
    content_dir = content_dir or CONTENT_DIR
    docs_dir = docs_dir or DOCS_DIR
    problems: list[str] = []
    loaded: dict[str, Loaded] = {}
    names = {}
    for model in MODELS:
        path = content_dir / f"{model}.yml"
        names[model] = name = _relative(path)
        try:
            item = load_yaml(path)
            schema = json.loads((content_dir / f"{model}.schema.json").read_text(encoding="utf-8"))
        except ContentError as err:
            problems += err.problems
            continue
        except (FileNotFoundError, json.JSONDecodeError) as err:
            problems.append(f"{_relative(content_dir / (model + '.schema.json'))}: cannot read schema ({err})")
            continue
        found = validate_model(item, schema, name)
        problems += found
        if found:
            continue
        loaded[model] = item
        seen: dict[str, tuple] = {}
        for ident, id_path in collect_ids(item.data):
            if ident in seen:
                problems.append(f"{_place(name, item, id_path)}: id '{ident}' is used twice "
                                f"(first at line {_line_for(item, seen[ident])}); ids must be unique")
            else:
                seen[ident] = id_path
        for link, link_path in _guide_links(item.data):
            page = link.split("#", 1)[0]
            if not (docs_dir / page).is_file():
                problems.append(f"{_place(name, item, link_path)}: links to page '{page}', "
                                "which is not in docs/")

    ids = {model: {i for i, _ in collect_ids(item.data)} for model, item in loaded.items()}
    for model, pattern, target in REFERENCES:
        if model not in loaded or target not in loaded:
            continue
        for value, ref_path in _match(loaded[model].data, pattern.split(".")):
            if value not in ids[target]:
                problems.append(f"{_place(names[model], loaded[model], ref_path)}: '{value}' is not "
                                f"an id in {names[target]}")
    for tool, models in SHARED_ID_SPACES.items():
        owner: dict[str, str] = {}
        for model in models:
            if model not in loaded:
                continue
            for ident, id_path in collect_ids(loaded[model].data):
                if ident in owner and owner[ident] != model:
                    problems.append(f"{_place(names[model], loaded[model], id_path)}: id '{ident}' is "
                                    f"also used in {names[owner[ident]]}; the {tool} tool saves "
                                    "answers by id, so ids must differ across its files")
                owner.setdefault(ident, model)
    problems += site_checks({model: item.data for model, item in loaded.items()}, content_dir, docs_dir, _relative)
    if problems:
        raise ContentError(problems)
    content = {model: item.data for model, item in loaded.items()}
    if check_lock:
        problems = revisions.check(content, _item_place(loaded, names), _lock_place(loaded[revisions.LOCK], names))
        if problems:
            raise ContentError(problems)
    return content


def _item_place(loaded: dict, names: dict):
    """(tool, item id) -> 'content/x.yml:LINE', the line where the item's block starts,
    looked up in the files the tool reads, in the registry's order."""
    from .tools import BY_ID
    found: dict = {}

    def where(tool: str, ident: str) -> str:
        models = BY_ID[tool].models
        for model in models:
            if model not in found:
                found[model] = {i: p[:-1] for i, p in collect_ids(loaded[model].data)}
            if ident in found[model]:
                return f"{names[model]}:{_line_for(loaded[model], found[model][ident])}"
        return names[models[0]] if models else "content/"
    return where


def _lock_place(lock: Loaded, names: dict):
    return lambda tool, n: f"{names[revisions.LOCK]}:{_line_for(lock, ('tools', tool, n))}"
