"""The ONNX embedder: the same model as torch's to within rounding, a vector that depends only on its text,
loaded without torch; the configuration chooses the backend."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from checker.config import resolve_config
from checker.errors import CheckerError
from checker.nlp.embeddings import BACKENDS, Embedder
from checker.nlp.onnx_embedder import exported_model_dir

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Police said two people were killed and three others wounded in the shooting on Tuesday.",
    "The 16-year-old was taken to Stroger Hospital in good condition, a spokesman said.",
    "At least 12 soldiers died when militants attacked the checkpoint overnight.",
    "No one was in custody Monday.",
    "Residents described hearing several shots before a dark sedan sped away from the park.",
    "The governor will sign the budget next week.",
]


def test_onnx_vectors_agree_with_torch():
    onnx = Embedder("onnx").encode(SENTENCES)
    torch = Embedder("torch").encode(SENTENCES)
    cosine = np.sum(onnx * torch, axis=1)
    assert cosine.min() >= 0.97 and cosine.mean() >= 0.985, cosine
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    # what pairing and story grouping read: the similarity of two texts
    assert np.abs(onnx @ onnx.T - torch @ torch.T).max() <= 0.05


def test_a_vector_depends_only_on_its_text():
    """Dynamic int8 quantisation scales each input tensor as a whole: texts are run one at a time, so a
    text's vector is the same alone, in any batch, cold or from the cache."""
    together = Embedder("onnx").encode(SENTENCES)
    alone = np.stack([Embedder("onnx").encode([text])[0] for text in SENTENCES])
    assert np.array_equal(together, alone)


def test_the_exported_model_runs_without_torch():
    exported_model_dir()  # exported once per machine (this may import torch here, not in the probe)
    probe = (
        "import sys\nfrom checker.nlp.embeddings import Embedder\n"
        "vectors = Embedder('onnx').encode(['Two people were killed.'])\n"
        "heavy = {'torch', 'sentence_transformers', 'transformers', 'sklearn'}\n"
        "print(vectors.shape, sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "(1, 384) []", result.stderr


def test_the_embedder_is_a_validated_setting(tmp_path):
    assert set(BACKENDS) == {"onnx", "torch"}
    assert resolve_config(isolated=True).embedder == "onnx"
    (tmp_path / "checker.toml").write_text('embedder = "torch"\n', encoding="utf-8")
    assert resolve_config(cwd=tmp_path).embedder == "torch"
    (tmp_path / "checker.toml").write_text('embedder = "tensorflow"\n', encoding="utf-8")
    with pytest.raises(CheckerError, match="bad value for 'embedder'.*onnx, torch"):
        resolve_config(cwd=tmp_path)
    with pytest.raises(ValueError, match="unknown embedder"):
        Embedder("tensorflow")


def test_torch_and_onnx_vectors_are_stored_apart(tmp_path):
    from checker.analyse.cache import Cache

    cache = Cache(tmp_path)
    onnx = Embedder("onnx", store=cache)
    onnx.encode(SENTENCES[:2])
    torch = Embedder("torch", store=cache)
    torch.encode(SENTENCES[:2])
    assert onnx.encoded == 2 and torch.encoded == 2  # neither read the other's vectors
    again = Embedder("onnx", store=cache)
    again.encode(SENTENCES[:2])
    assert again.encoded == 0


def test_the_configuration_and_the_embedder_default_to_one_backend():
    from checker.config import Config
    from checker.nlp.embeddings import DEFAULT_BACKEND

    assert Config().embedder == DEFAULT_BACKEND
