"""Find the optional modules (``api``, ``urls``, ``demo``) of Gongkai's own apps.

Each app contributes its API router, public URLs and demo data from its own folder, so adding or
removing an app never means editing the others.
"""

import importlib
from types import ModuleType

from django.apps import apps


def gongkai_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith("gongkai.")]


def app_modules(module_name: str) -> list[tuple[str, ModuleType]]:
    found = []
    for config in gongkai_apps():
        full_name = f"{config.name}.{module_name}"
        try:
            module = importlib.import_module(full_name)
        except ModuleNotFoundError as exc:
            if exc.name != full_name:
                raise
            continue
        found.append((config.label, module))
    return found
