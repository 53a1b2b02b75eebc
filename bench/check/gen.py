#!/usr/bin/env python3
"""Writes N generated descriptions (algedit YAML) into a folder, with realistic
lengths and a mix of valid and faulty values. Standard library only."""
import os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
words = ("de het een algoritme gemeente aanvraag inwoners gegevens medewerker beoordeelt risico "
         "controle besluit wet verwerking persoonsgegevens kwijtschelding parkeren vergunning "
         "melding openbare ruimte toezicht handhaving ondersteunt selecteert automatisch "
         "zorgvuldig transparant register ĳverig zo’n café één").split()
cats = ["Verkeer", "Werk", "Wonen", "Sociale zekerheid", "Overheidsfinanciën", "Zorg en gezondheid"]

def sentence(k):
    return " ".join(rnd.choice(words) for _ in range(k)).capitalize() + "."

def para(k):
    return " ".join(sentence(rnd.randint(6, 14)) for _ in range(k))

os.makedirs(out, exist_ok=True)
for i in range(n):
    lines = [
        f"name: Algoritme {i} voor {rnd.choice(words)}",
        f"description_short: {para(2)}",
        f"organization: Gemeente {rnd.choice(['Noorderhaaks', 'Zuiderzee', 'Oosterhout'])}",
        "category:",
        *[f"  - {c}" for c in rnd.sample(cats, rnd.randint(1, 3))],
        f"status: {rnd.choice(['In gebruik', 'In ontwikkeling', 'In gebruikk'])}",
        f'begin_date: "20{rnd.randint(15, 25)}-{rnd.randint(1, 13):02d}"',
        "contact_email: algoritmes@gemeente.nl",
        "publication_category: Impactvolle algoritmes",
        "website: https://www.gemeente.nl/algoritmes",
    ]
    for key in ("goal", "proportionality", "human_intervention", "risks", "source_data"):
        lines.append(f"{key}: |-")
        lines.append("  " + para(3))
        lines.append("")
        lines += [f"  - {sentence(6)}" for _ in range(3)]
    lines += ["lawful_basis_grouping:", "  - title: Gemeentewet", "    link: https://wetten.overheid.nl/BWBR0005416",
              "lang: nld", 'standard_version: "1.0"']
    with open(os.path.join(out, f"algoritme-{i:05d}.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
