"""Arguments built on the worker's track, and the cases that raise or time.

The fixture kata `walk` (tests/fixtures/arguments) passes a gradient function
(`case.quadratic_gradient`), a seeded generator (`case.generator`) and the
cache of the learner's own forward pass (`case.output_of`) to the learner, asks for a ValueError (`case.raises`) and for a vectorised sum
(`case.speed`). These tests prove that a right file passes on both tracks,
and that each wrong one fails with the message that says why and, where the
kata declares it, the mistake named.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from conftest import FIXTURES

from grader.confined import track_values
from grader.grading.casebook import _describe

BOOK = FIXTURES / "arguments"

RIGHT = {
    "numpy": """
        import numpy as np
        def descend(grad_fn, x0, lr):
            return x0 - lr * grad_fn(x0)
        def draw(n, rng):
            return rng.uniform(0.0, 1.0, size=n)
        def checked(x):
            if np.any(x < 0):
                raise ValueError("negative")
            return np.array(x)
        def total(x):
            return float(np.sum(x))
        def forward(x):
            return x * 3.0, (x.shape, "a cache of the learner's own making")
        def backward(dout, cache):
            assert cache[1] == "a cache of the learner's own making"
            return dout * 3.0
        def momentum_step(param, grad, state, lr=0.1, beta=0.9):
            if "velocity" not in state:
                state["velocity"] = np.zeros_like(param)
            state["velocity"] = beta * state["velocity"] + grad
            return param - lr * state["velocity"]
    """,
    "torch": """
        import torch
        def descend(grad_fn, x0, lr):
            return x0 - lr * grad_fn(x0)
        def draw(n, generator=None):
            return torch.rand(n, generator=generator)
        def checked(x):
            if bool((x < 0).any()):
                raise ValueError("negative")
            return x.clone()
        def total(x):
            return torch.sum(x)
        def forward(x):
            return x * 3.0, [x.shape]
        def backward(dout, cache):
            assert isinstance(cache, list)
            return dout * 3.0
        def momentum_step(param, grad, state, lr=0.1, beta=0.9):
            v = state.setdefault("v", torch.zeros_like(param))
            v.mul_(beta).add_(grad)
            return param - lr * v
    """,
}


@pytest.fixture
def walk(cli, kata_env, monkeypatch, tmp_path):
    monkeypatch.setenv("KATA_BOOK", str(BOOK))

    def check(track: str, source: str, **changes: str):
        body = textwrap.dedent(source)
        for old, new in changes.items():
            assert old in body, old
            body = body.replace(old, new)
        path = tmp_path / f"walk_{track}.py"
        path.write_text(body)
        res = cli("check", "walk", "--track", track, "--file", path, "--json")
        return res.json()

    return check


def failed(result) -> dict[str, str]:
    return {t["name"]: t["message"] for t in result["tests"] if t["outcome"] == "failed"}


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_right_file_passes_on_both_tracks(walk, track):
    result = walk(track, RIGHT[track])
    assert result["verdict"] == "pass", failed(result)


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_the_gradient_function_reaches_the_learner_as_a_function_of_the_track(walk, track):
    kind = "np.ndarray" if track == "numpy" else "torch.Tensor"
    probe = {"return x0 - lr * grad_fn(x0)":
             f"g = grad_fn(x0)\n    assert type(g) is {kind}, type(g)\n    return x0 - lr * g"}
    if track == "numpy":
        probe["import numpy as np"] = "import numpy as np\nimport torch"
    assert walk(track, RIGHT[track], **probe)["verdict"] == "pass"
    wrong = walk(track, RIGHT[track], **{"return x0 - lr * grad_fn(x0)": "return x0 + lr * grad_fn(x0)"})
    assert wrong["verdict"] == "fail" and wrong["mistake"]["id"] == "uphill"


def test_the_generator_is_the_tracks_and_seeded(walk):
    result = walk("numpy", RIGHT["numpy"], **{"return rng.uniform(0.0, 1.0, size=n)":
                                              "assert isinstance(rng, np.random.Generator)\n"
                                              "    return np.full(n, 0.25)"})
    assert "the mean of 4000 uniform draws is 0.250" in failed(result)["draw[1]"]
    torch_result = walk("torch", RIGHT["torch"], **{"return torch.rand(n, generator=generator)":
                                                    "assert isinstance(generator, torch.Generator)\n"
                                                    "    return torch.rand(n, generator=generator)"})
    assert torch_result["verdict"] == "pass"


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_file_that_does_not_raise_fails_with_the_mistake_named(walk, track):
    result = walk(track, RIGHT[track], **{'raise ValueError("negative")': "pass"})
    assert failed(result) == {"checked_rejects": "checked returned normally on a negative entry; "
                                                 "it must raise ValueError"}
    assert result["mistake"]["id"] == "unchecked"


def test_a_file_that_raises_another_type_is_told_which(walk):
    result = walk("numpy", RIGHT["numpy"], **{'raise ValueError("negative")': 'raise TypeError("negative")'})
    assert failed(result)["checked_rejects"] == ("checked raised TypeError on a negative entry; "
                                                 "it must raise ValueError")


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_python_loop_is_too_slow_with_the_ratio_and_named(walk, track):
    loop = "s = 0.0\n    for v in x.reshape(-1):\n        s = s + v\n    return " + \
        ("float(s)" if track == "numpy" else "torch.as_tensor(s)")
    result = walk(track, RIGHT[track], **{("return float(np.sum(x))" if track == "numpy" else
                                           "return torch.sum(x)"): loop})
    message = failed(result)["total_speed"]
    assert message.startswith("total is too slow: ") and "x the reference's time" in message, message
    assert "at most 10x is allowed" in message
    assert result["mistake"]["id"] == "python-loop"
    # The loop is interrupted near its budget, never run to the end (a second or more).
    assert result["duration_s"] < 10


def test_the_fixture_kata_is_sound(cli, kata_env, monkeypatch):
    monkeypatch.setenv("KATA_BOOK", str(BOOK))
    res = cli("validate", "walk")
    assert res.exit_code == 0 and "walk: sound" in res.output, res.output


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_track_values_build_each_tracks_objects(track):
    import torch

    A, b = np.array([[2.0, 0.0], [0.0, 4.0]]), np.array([2.0, 4.0])
    g = track_values.build([{"g": track_values.QuadraticGradient(A, b)}], track)[0]["g"]
    x = np.array([1.0, 1.0]) if track == "numpy" else torch.ones(2)
    assert np.allclose(np.asarray(g(x)), [0.0, 0.0])
    first, second = (track_values.Seeded(7).build(track) for _ in range(2))
    draw = (lambda r: r.random(3)) if track == "numpy" else (lambda r: torch.rand(3, generator=r).numpy())
    assert np.array_equal(draw(first), draw(second))  # a fresh generator each time, same seed
    assert not np.array_equal(draw(track_values.Seeded(8).build(track)), draw(track_values.Seeded(7).build(track)))


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_failed_property_names_the_mistake_it_means(walk, track):
    draws = {"numpy": ("return rng.uniform(0.0, 1.0, size=n)", "return np.random.uniform(0.0, 1.0, size=n)"),
             "torch": ("return torch.rand(n, generator=generator)", "return torch.rand(n)")}[track]
    result = walk(track, RIGHT[track], **dict([draws]))
    assert set(failed(result)) == {"draw_is_reproducible"}
    assert result["mistake"]["id"] == "global-random-state"


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_backward_is_fed_the_cache_its_own_forward_made(walk, track):
    # A cache unlike the reference's: fed to the learner's own backward, and never compared
    # (the kata names that output "_cache").
    assert walk(track, RIGHT[track])["verdict"] == "pass"
    wrong_forward = walk(track, RIGHT[track], **{"return x * 3.0": "return x * 2.0"})
    assert failed(wrong_forward)["forward_compares_only_its_public_output"].startswith("forward: out: ")
    wrong = walk(track, RIGHT[track], **{"return dout * 3.0": "return dout * 2.0"})
    assert failed(wrong) == {"backward_gets_its_own_cache": failed(wrong)["backward_gets_its_own_cache"]}


def test_an_own_output_is_described_as_the_call_that_makes_it():
    from grader.grading.casebook import Case

    made = Case.output_of("forward", np.zeros((2, 3)), pick=1)
    assert _describe((np.ones(2), made), {}, "torch") == ["<float32 tensor 2>", "forward(<float32 tensor 2×3>)[1]"]


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_a_step_function_is_compared_on_its_whole_trajectory(walk, track):
    damped = {"numpy": ("beta * state[\"velocity\"] + grad", "beta * state[\"velocity\"] + (1 - beta) * grad"),
              "torch": ("v.mul_(beta).add_(grad)", "v.mul_(beta).add_((1 - beta) * grad)")}[track]
    wrong = walk(track, RIGHT[track], **dict([damped]))
    message = failed(wrong)["momentum_trajectory"]
    assert message.endswith("; the trajectories part at step 1"), message
    assert wrong["mistake"]["id"] == "momentum-damped"
    if track == "torch":  # right for eleven steps, then a learning rate twice too large
        late = ("return param - lr * v", "state[\"n\"] = state.get(\"n\", 0) + 1\n"
                "    return param - lr * v * (1.0 if state[\"n\"] < 12 else 2.0)")
        result = walk(track, RIGHT[track], **dict([late]))
        assert failed(result)["momentum_trajectory"].endswith("; the trajectories part at step 12")


def test_a_step_function_that_updates_its_param_in_place_is_told_so(walk):
    result = walk("torch", RIGHT["torch"], **{"return param - lr * v": "return param.sub_(lr * v)"})
    assert failed(result)["momentum_trajectory"].startswith(
        "momentum_step changed its input param (at step 1) in place"), failed(result)


def test_a_backward_that_changes_its_own_cache_is_told_so(walk):
    # A saved cache is used again (two continuations, a second backward): a backward may not
    # change it, even a cache of the learner's own making.
    result = walk("numpy", RIGHT["numpy"], **{
        "return x * 3.0, (x.shape, \"a cache of the learner's own making\")":
            "return x * 3.0, [x.copy(), \"a cache of the learner's own making\"]",
        "assert cache[1] == \"a cache of the learner's own making\"":
            "cache[0] *= 0.0",
    })
    assert failed(result)["backward_gets_its_own_cache"] == \
        "backward changed its input cache in place; it must not modify its arguments"
