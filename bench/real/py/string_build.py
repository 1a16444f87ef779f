# Python builds a string with +=, which CPython appends in place when the variable is a
# function's local (the idiomatic twin; at module level it copies, quadratically).
def main():
    s = ""
    for i in range(1, 60001):
        line = "Line " + str(i) + ": amount " + str(i % 1000) + " due"
        s += line + "\n"
    print(len(s), s.find("Line 59999:") + 1)


main()
