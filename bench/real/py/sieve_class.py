import math


class DragSieve:
    def __init__(self):
        self.rawbits = None
        self.sieveSize = 0

    def init(self, limit):
        self.sieveSize = limit
        self.rawbits = [True] * (self.sieveSize + 1)
        self.rawbits[0] = False
        self.rawbits[1] = False
        for i in range(4, self.sieveSize + 1, 2):
            self.rawbits[i] = False

    def runSieve(self, n):
        self.init(n)
        factor = 3
        q = math.sqrt(self.sieveSize)
        while factor < q:
            if bool(self.rawbits[factor]):
                for i in range(factor * 2, self.sieveSize + 1, factor):
                    self.rawbits[i] = False
            factor = factor + 2
        return self.countPrimes()

    def countPrimes(self):
        return self.rawbits.count(True)


sieve = DragSieve()
total = 0
for p in range(2):
    total = total + sieve.runSieve(1000000)
print(total)
