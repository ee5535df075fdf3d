#!/usr/bin/env python3
"""Writes N names to screen, as a CSV with a `name` column, for bench/screen.sh.

A realistic counterparty stream: one in five names is a variant of a CSL entry (word order
shuffled, legal form changed or dropped, one letter changed), the rest are company names made
of common words that are not on the list. Deterministic (seeded) so runs compare.
"""
import csv, json, random, sys

def main():
    csl_path, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(7)
    names = [r["name"] for r in json.load(open(csl_path, encoding="utf-8"))["results"]]
    first = ["Acme", "Blue", "North", "Summit", "Harbor", "Pioneer", "Golden", "Silver", "Delta",
             "Orion", "Vertex", "Apex", "Nova", "Atlas", "Cedar", "Maple", "River", "Stone",
             "Eagle", "Falcon", "Lotus", "Jade", "Pearl", "Sunrise", "Horizon", "Zenith"]
    second = ["Data", "Cloud", "Logistics", "Foods", "Textiles", "Machinery", "Software",
              "Trading", "Energy", "Pharma", "Robotics", "Analytics", "Networks", "Metals",
              "Shipping", "Holdings", "Electronics", "Consulting", "Media", "Systems"]
    legal = ["Co., Ltd.", "Ltd", "Inc.", "GmbH", "LLC", "Pte. Ltd.", "Sdn Bhd", "S.A.", "JSC",
             "Limited", "Corp.", ""]
    city = ["Shenzhen", "Berlin", "Austin", "Osaka", "Lyon", "Pune", "Dubai", "Kyiv", "Lima"]
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name"])
        for i in range(count):
            if rng.random() < 0.2:
                words = rng.choice(names).split()
                if len(words) > 1 and rng.random() < 0.5:
                    rng.shuffle(words)
                n = " ".join(words)
                if rng.random() < 0.3 and len(n) > 6:
                    k = rng.randrange(1, len(n) - 1)
                    n = n[:k] + rng.choice("aeiourstn") + n[k + 1:]
            else:
                n = " ".join(x for x in [rng.choice(city) if rng.random() < 0.3 else "",
                                         rng.choice(first), rng.choice(second),
                                         f"{rng.randrange(1, 999)}" if rng.random() < 0.2 else "",
                                         rng.choice(legal)] if x)
            w.writerow([n])

main()
