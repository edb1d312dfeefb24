#!/usr/bin/env python3
"""Writes a township roster CSV of N valid rows (GB 11643 check digits), 3-5 persons per household."""
import random
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(n):
    area = "43%04d" % (n // 900 % 10000)
    year = 1940 + n % 80
    month = 1 + n // 7 % 12
    day = 1 + n // 13 % 28
    first17 = "%s%04d%02d%02d%03d" % (area, year, month, day, n % 900 + 100 * 0)
    first17 = first17[:14] + "%03d" % (n % 1000)
    return first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = sys.argv[2] if len(sys.argv) > 2 else "roster.csv"
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rnd = random.Random(seed)
    townships = ["4305821%02d" % t for t in range(1, 26)]
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        f.write("householdNo,townshipCode,village,reservoir,areaType,relocatedOn,idNumber,name,relationToHead,phone,cardAccount\n")
        n = seed * 10_000_000
        household = 0
        written = 0
        while written < rows:
            household += 1
            township = townships[household % len(townships)]
            relocated = "%04d-%02d-%02d" % (1990 + household % 20, 1 + household % 12, 1 + household % 28)
            for member in range(rnd.randint(3, 5)):
                if written >= rows:
                    break
                n += 1
                number = id_number(n)
                while number in seen:
                    n += 1
                    number = id_number(n)
                seen.add(number)
                f.write("B%d-%07d,%s,村%d,红旗水库,库区,%s,%s,移民%d,%s,1390000%04d,62170000%08d\n" % (
                    seed, household, township, household % 40, relocated, number, written,
                    "户主" if member == 0 else "家庭成员", written % 10000, written))
                written += 1


if __name__ == "__main__":
    main()
