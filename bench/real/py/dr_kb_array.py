# Twin of the Drag Race's sieve_KB class, runSieveArray(1000000).
import math


class SieveKB:
    def __init__(self):
        self.rawbits = None
        self.sieveSize = 0

    def init(self, limit):
        self.sieveSize = limit
        self.rawbits = [True] * self.sieveSize
        self.rawbits[0] = False
        self.rawbits[1] = False
        for i in range(4, self.sieveSize + 1, 2):
            if i < len(self.rawbits):
                self.rawbits[i] = False
            else:
                self.rawbits.extend([None] * (i - len(self.rawbits)) + [False])

    def runSieveArray(self, n):
        self.init(n)
        self.rawbits = self.rawbits[1:]  # .remove(0) then COLLECTION TO ARRAY: element k is number k
        self.rawbits.insert(0, False)
        factor = 3
        q = math.sqrt(self.sieveSize)
        while factor < q:
            if bool(self.rawbits[factor]):
                for i in range(factor * 2, self.sieveSize + 1, factor):
                    if i < len(self.rawbits):
                        self.rawbits[i] = False
                    else:
                        self.rawbits.extend([None] * (i - len(self.rawbits)) + [False])
            factor = factor + 2
        self.rawbits = self.rawbits[1:]  # ARRAY TO COLLECTION
        return self.rawbits.count(True)


print(SieveKB().runSieveArray(1000000))
