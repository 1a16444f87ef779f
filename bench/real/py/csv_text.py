rows = []
for i in range(1, 50001):
    rows.append(str(i) + ";customer " + str(i % 977) + ";City" + str(i % 31) + ";" + str((i * 37) % 1000) + ";note")
csv = "\r\n".join(rows) + "\r\n"
total = count = lines = occ = 0
start = 0
pos = csv.find("\n", start)
while pos >= 0:
    line = csv[start:pos - 1]
    fields = line.split(";")
    total = total + int(fields[3])
    if fields[2].lower().find("city1") == 0:
        count = count + 1
    lines = lines + 1
    start = pos + 1
    pos = csv.find("\n", start)
low = csv.lower()
start = 0
pos = low.find("customer 12", start)
while pos >= 0:
    occ = occ + 1
    start = pos + 1
    pos = low.find("customer 12", start)
csv2 = csv.replace("\r\n", "\n")
csv3 = csv2.replace(";", ",")
print(lines, total, count, occ, len(csv2), len(csv3))
