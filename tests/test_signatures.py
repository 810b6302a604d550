"""Stubs and references that cannot drift from the kata's binding signatures."""

from __future__ import annotations

import re

import pytest

from grader.book import catalogue, signatures, validate
from grader.errors import KataDefinitionError

# The fixture kata `negate`, rewritten to a signature with every kind of parameter a drift can touch.
SIGNATURE = "negate(x, axis=-1, scale=1.0, *, copy=True)"
REFERENCE = "import numpy as np\n\n\ndef {header}:\n    return -x\n"
STUB = "import numpy as np\n\n\ndef {header}:\n    raise NotImplementedError\n"

DRIFTS = {
    # drift: the stub's header
    "renamed parameter": "negate(x, dim=-1, scale=1.0, *, copy=True)",
    "missing default": "negate(x, axis, scale=1.0, *, copy=True)",
    "changed default": "negate(x, axis=0, scale=1.0, *, copy=True)",
    "default of another type": "negate(x, axis=-1, scale=1, *, copy=True)",
    "extra parameter": "negate(x, axis=-1, scale=1.0, *, copy=True, out=None)",
    "reordered parameters": "negate(x, scale=1.0, axis=-1, *, copy=True)",
    "keyword-only no more": "negate(x, axis=-1, scale=1.0, copy=True)",
    "keyword-only too many": "negate(x, *, axis=-1, scale=1.0, copy=True)",
}


def signed_book(kata_env):
    """A copy of the fixture book whose `negate` takes SIGNATURE, in its data, stub and reference."""
    book = kata_env.copy_book()
    root = book / "negate"
    toml = root / "kata.toml"
    text = toml.read_text()
    assert 'negate = "negate(x)"' in text
    toml.write_text(text.replace('negate = "negate(x)"', f'negate = "{SIGNATURE}"'))
    (root / "reference_numpy.py").write_text(REFERENCE.format(header=SIGNATURE))
    (root / "stub_numpy.py").write_text(STUB.format(header=SIGNATURE))
    return root


def failed_rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if "✗" in line]


def test_a_stub_and_reference_that_match_are_sound(cli, kata_env):
    signed_book(kata_env)
    res = cli("validate", "negate")
    assert res.exit_code == 0, res.output
    assert "signature negate" in res.stdout


@pytest.mark.parametrize("drift", list(DRIFTS))
def test_a_drifted_stub_is_unsound(cli, kata_env, drift):
    root = signed_book(kata_env)
    (root / "stub_numpy.py").write_text(STUB.format(header=DRIFTS[drift]))
    res = cli("validate", "negate")
    assert res.exit_code == 1, res.output
    assert "negate: UNSOUND, 1 problem(s)" in res.stdout, res.stdout
    [row] = failed_rows(res.stdout)
    assert row.split()[:3] == ["numpy", "signature", "negate"], row
    assert "stub_numpy.py" in res.stdout


def test_a_drifted_reference_is_unsound(cli, kata_env):
    root = signed_book(kata_env)
    (root / "reference_numpy.py").write_text(REFERENCE.format(header=DRIFTS["changed default"]))
    res = cli("validate", "negate")
    assert res.exit_code == 1, res.output
    [row] = failed_rows(res.stdout)
    assert row.split()[:3] == ["numpy", "signature", "negate"], row
    assert "reference_numpy.py" in res.stdout and "stub_numpy.py" not in res.stdout


def test_a_function_the_stub_does_not_def_is_named(kata_env):
    root = signed_book(kata_env)
    (root / "stub_numpy.py").write_text("def _negate(x, axis=-1, scale=1.0, *, copy=True):\n    pass\n\n"
                                        "negate = _negate\n")
    [row] = [f for f in validate.static_findings(catalogue.load(root)) if f.subject.startswith("signature")]
    assert not row.ok and "stub_numpy.py has no 'def negate'" in row.got


def test_a_torch_signature_off_the_convention_is_unsound(kata_env):
    """The torch track is the NumPy one with axis as dim; here its data and files agree, and still break that."""
    root = kata_env.copy_book() / "double"
    toml = root / "kata.toml"
    text = toml.read_text()
    numpy_part, torch_part = text.split("[signatures.torch]")
    toml.write_text(numpy_part.replace('double = "double(x)"', 'double = "double(x, axis=-1)"')
                    + "[signatures.torch]" + torch_part.replace('double = "double(x)"', 'double = "double(x, axis=-1)"'))
    for kind in ("stub", "reference"):
        for track in ("numpy", "torch"):
            path = root / f"{kind}_{track}.py"
            path.write_text(path.read_text().replace("def double(x):", "def double(x, axis=-1):"))
    found = [f for f in validate.static_findings(catalogue.load(root)) if f.subject.startswith("signature")]
    bad = [f for f in found if not f.ok]
    assert [(f.track, f.subject) for f in bad] == [("torch", "signature double vs numpy")], found
    assert bad[0].expected == "double(x, dim=-1)"


def test_the_katas_stubs_and_references_match_their_signatures(monkeypatch):
    monkeypatch.delenv("KATA_BOOK", raising=False)
    katas = catalogue.all_katas()
    assert katas
    for kata in katas:
        found = [f for f in validate.static_findings(kata) if f.subject.startswith("signature")]
        assert len(found) >= len(kata.tracks) * len(kata.functions), kata.id
        assert all(f.ok for f in found), [f for f in found if not f.ok]
        for track in kata.tracks:
            assert set(kata.signatures[track]) == set(kata.functions), (kata.id, track)


# -- the data itself --------------------------------------------------------------------


def rewrite(root, old, new):
    toml = root / "kata.toml"
    text = toml.read_text()
    assert old in text, old
    toml.write_text(text.replace(old, new))
    return toml


@pytest.mark.parametrize("old, new, words", [
    ('negate = "negate(x)"\n', "", "missing key 'signatures.numpy.negate'"),
    ('[signatures.numpy]', '[nothing.numpy]', "missing key 'signatures'"),
    ('negate = "negate(x)"', 'negate = "negate(x, =1)"', "key 'signatures.numpy.negate'"),
    ('negate = "negate(x)"', 'negate = "negate x"', "key 'signatures.numpy.negate'"),
    ('negate = "negate(x)"', 'negate = 3', "key 'signatures.numpy.negate'"),
    ('negate = "negate(x)"', 'negate = "negate(x):\\n    pass\\ndef other(y)"', "key 'signatures.numpy.negate'"),
    ('negate = "negate(x)"', 'negate = "double(x)"', "key 'signatures.numpy.negate' names 'double'"),
    ('negate = "negate(x)"', 'negate = "negate(x)"\nsquare = "square(x)"', "signatures.numpy.square"),
    ('negate = "negate(x)"', 'negate = "negate(x)"\n[signatures.torch]\nnegate = "negate(x)"',
     "signatures.torch is not one of the kata's tracks"),
])
def test_catalogue_rejects_a_missing_or_malformed_signature(kata_env, old, new, words):
    root = kata_env.copy_book() / "negate"
    toml = rewrite(root, old, new)
    with pytest.raises(KataDefinitionError, match=re.escape(words)) as caught:
        catalogue.load(root)
    assert str(toml) in str(caught.value)


def test_a_missing_track_table_names_it(kata_env):
    root = kata_env.copy_book() / "double"
    toml = rewrite(root, '[signatures.torch]\ndouble = "double(x)"\n', "")
    with pytest.raises(KataDefinitionError, match=re.escape("missing table 'signatures.torch'")) as caught:
        catalogue.load(root)
    assert str(toml) in str(caught.value)


def test_the_command_line_names_the_key(cli, kata_env):
    root = kata_env.copy_book() / "negate"
    rewrite(root, 'negate = "negate(x)"', 'negate = "negate(x"')
    res = cli("list")
    assert res.exit_code == 2
    assert "signatures.numpy.negate" in " ".join(res.stderr.split())


# -- comparing ----------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("f(x, m=None)", "f(x, m=None)"),
    ("f(x, eps=1e-5)", "f(x, eps=0.00001)"),
    ("f(x, betas=(0.9, 0.999))", "f(x, betas=(0.9, 0.999))"),
    ("f(x, axis=-1)", "f(x, axis=- 1)"),
    ("f(x, *, k=1)", "f(x, *, k=1)"),
])
def test_equal_signatures(a, b):
    assert signatures.differences(signatures.parse(a), signatures.parse(b)) == []


@pytest.mark.parametrize("a, b, words", [
    ("f(x, m=None)", "f(x, m=0)", "m has default 0, not default None"),
    ("f(x, t=1.0)", "f(x, t=1)", "t has default 1, not default 1.0"),
    ("f(x, flag=True)", "f(x, flag=1)", "flag has default 1"),
    ("f(x, betas=(0.9, 0.999))", "f(x, betas=[0.9, 0.999])", "betas has default"),
    ("f(x, y)", "f(y, x)", "order y, x"),
    ("f(x, y)", "f(x)", "lacks y"),
    ("f(x)", "f(x, y)", "has y as well"),
    ("f(x, *, k=1)", "f(x, k=1)", "k is positional, not keyword-only"),
    ("f(x, /)", "f(x)", "x is positional, not positional-only"),
])
def test_different_signatures(a, b, words):
    found = signatures.differences(signatures.parse(a), signatures.parse(b))
    assert any(words in w for w in found), found


@pytest.mark.parametrize("numpy, torch, ok", [
    ("softmax(x, axis=-1, temperature=1.0)", "softmax(x, dim=-1, temperature=1.0)", True),
    ("softmax(x, axis=-1)", "softmax(x, axis=-1)", False),
    ("softmax(x, axis=-1)", "softmax(x, dim=0)", False),
    ("kmeans_pp_init(X, k, rng)", "kmeans_pp_init(X, k, generator=None)", True),
    ("kmeans_pp_init(X, k, rng)", "kmeans_pp_init(X, k, generator)", True),
    ("kfold_indices(n, k, shuffle=False, rng=None)", "kfold_indices(n, k, shuffle=False, generator=None)", True),
    ("kmeans_pp_init(X, k, rng)", "kmeans_pp_init(X, k, rng=None)", False),
    ("f(x, eps=1e-5)", "f(x, eps=1e-6)", False),
])
def test_the_cross_track_convention(numpy, torch, ok):
    a, b = signatures.parse(numpy), signatures.parse(torch)
    assert (signatures.differences(signatures.torch_form(a, b), b) == []) is ok


def test_a_signature_is_shown_as_written():
    assert str(signatures.parse(" layer_norm(x, gamma, beta, eps=1e-5) ")) == "layer_norm(x, gamma, beta, eps=1e-5)"


def test_kata_new_writes_signatures_its_stubs_declare(cli, kata_env):
    book = kata_env.root / "authoring"
    assert cli("new", "triple", "--function", "triple_it", "--book", book).exit_code == 0
    kata = catalogue.load(book / "triple")
    assert {t: str(s["triple_it"]) for t, s in kata.signatures.items()} == {
        "numpy": "triple_it(x)", "torch": "triple_it(x)"}
    found = [f for f in validate.static_findings(kata) if f.subject.startswith("signature")]
    assert len(found) == 3 and all(f.ok for f in found), found
