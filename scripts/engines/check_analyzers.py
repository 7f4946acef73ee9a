#!/usr/bin/env python3
"""Probe which analyzers a running engine offers for the app's languages.

    python3 scripts/engines/check_analyzers.py elasticsearch http://127.0.0.1:9201 [--write]

For every language it tries, in order of preference, a built-in or plugin
analyzer by name, then a hunspell dictionary, and records the first that
works (plus the other working ones as alternatives) with a sample. --write
merges the result into scripts/engines/analyzers.json under the engine's key;
without it the JSON is printed. Standard library only.
"""

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

# language -> (analyzer names to try, hunspell locale or None, sample text)
LANGUAGES = {
    "nl": (["dutch"], None, "cursussen Nederlandse taal voor werknemers"),
    "en": (["english"], None, "Dutch language courses for workers"),
    "pl": (["polish"], "pl_PL", "kursy języka niderlandzkiego dla pracowników"),
    "ro": (["romanian"], None, "cursuri de limba olandeză pentru lucrători"),
    "bg": (["bulgarian"], None, "курсове по нидерландски език за работници"),
    "hu": (["hungarian"], None, "holland nyelvtanfolyamok munkavállalóknak"),
    "lt": (["lithuanian"], None, "olandų kalbos kursai darbuotojams"),
    "lv": (["latvian"], None, "holandiešu valodas kursi darbiniekiem"),
    "sk": ([], "sk_SK", "kurzy holandského jazyka pre pracovníkov"),
    "cs": (["czech"], None, "kurzy nizozemského jazyka pro pracovníky"),
    "pt": (["portuguese"], None, "cursos de língua neerlandesa para trabalhadores"),
    "es": (["spanish"], None, "cursos de lengua neerlandesa para trabajadores"),
    "uk": (["ukrainian"], "uk_UA", "курси нідерландської мови для працівників"),
}

# Analyzers that no stock engine has: they come from our own plugin class
# (scripts/engines/*/src/.../WegwijsAnalysisPlugin.java), under the names the
# official analysis-stempel / analysis-ukrainian plugins use.
PLUGIN_ANALYZERS = {
    "polish": "Lucene stempel (PolishAnalyzer) via WegwijsAnalysisPlugin; same name as the official analysis-stempel plugin",
    "ukrainian": "Lucene morfologik (UkrainianMorfologikAnalyzer) via WegwijsAnalysisPlugin; same name as the official analysis-ukrainian plugin",
}


# What the app can always use when a language has nothing better.
FALLBACK = {
    "type": "fallback",
    "how": "no stemming: a custom analyzer with the standard tokenizer and the "
    "lowercase + asciifolding filters (works on every engine)",
}


def analyze(url, body):
    request = urllib.request.Request(
        url + "/_analyze",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return [t["token"] for t in json.load(response)["tokens"]]
    except urllib.error.HTTPError:
        return None


def hunspell_definition(lang, locale):
    name = f"{lang}_hunspell"
    return {
        "filter": {name: {"type": "hunspell", "locale": locale, "dedup": True}},
        "analyzer": {
            f"{lang}_hunspell_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", name],
            }
        },
    }


def probe(url):
    result = {}
    for lang, (analyzers, locale, text) in LANGUAGES.items():
        options = []
        for name in analyzers:
            tokens = analyze(url, {"analyzer": name, "text": text})
            if tokens is not None:
                kind = "plugin" if name in PLUGIN_ANALYZERS else "builtin"
                how = PLUGIN_ANALYZERS.get(name, f'built-in analyzer "{name}"')
                options.append({"type": kind, "analyzer": name, "how": how, "sample": tokens})
        if locale:
            definition = hunspell_definition(lang, locale)
            ((_, filter_def),) = definition["filter"].items()
            tokens = analyze(
                url, {"tokenizer": "standard", "filter": ["lowercase", filter_def], "text": text}
            )
            if tokens is not None:
                options.append(
                    {
                        "type": "hunspell",
                        "analyzer": f"{lang}_hunspell_analyzer",
                        "analysis": definition,
                        "how": f"hunspell filter, locale {locale}: Debian's hunspell-{lang} dictionary "
                        f"copied into each node's config/hunspell/{locale}/ by start-search-engine; "
                        "define it in the index's analysis settings",
                        "sample": tokens,
                    }
                )
        if options:
            entry = dict(options[0], sample_text=text, alternatives=options[1:])
        else:
            entry = dict(FALLBACK, analyzer=f"{lang}_folding", sample_text=text, alternatives=[])
        result[lang] = entry
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    engine, url = sys.argv[1], sys.argv[2].rstrip("/")
    with urllib.request.urlopen(url + "/", timeout=30) as response:
        version = json.load(response)["version"]
    about = f"{version.get('distribution', 'elasticsearch')} {version['number']} (Lucene {version['lucene_version']})"
    found = {"_engine": about, "_fallback": FALLBACK, **probe(url)}
    if "--write" in sys.argv:
        path = Path(__file__).with_name("analyzers.json")
        data = json.loads(path.read_text()) if path.exists() else {}
        data[engine] = found
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {engine} into {path}", file=sys.stderr)
    else:
        print(json.dumps(found, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
