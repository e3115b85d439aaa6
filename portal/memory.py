"""What a process keeps in memory between requests, in one place so that it can all be forgotten.

A module that keeps answers in memory asks for its dictionary here (`_sites = memory("sites")`)
instead of a plain `{}`: the test suite empties every one of them before each test
(`forget_everything`, tests/conftest.py), so a new app's memory never leaks from one test
into the next without anyone listing it.
"""

_memories = {}
_forgetters = []


def memory(name):
    """The process's dictionary called `name` (one per module that remembers something)."""
    return _memories.setdefault(name, {})


def forgetter(function):
    """Register `function` to be called by `forget_everything` (memory that is not a dictionary)."""
    _forgetters.append(function)
    return function


def forget_everything():
    for remembered in _memories.values():
        remembered.clear()
    for function in _forgetters:
        function()
