# Twin of the Drag Race's sieve_JC_blob(1000000): one byte per number.
import math
limit = 1000000
blob = bytearray([1]) * (limit + 1)
num_primes = 0
factor = 2
q = round(math.sqrt(limit))
while factor < q:
    if blob[factor] == 1:
        num_primes = num_primes + 1
        for i in range(factor * 2, limit + 1, factor):
            blob[i] = 0
    factor = factor + 1
for i in range(factor + 1, limit + 1, 2):
    num_primes = num_primes + blob[i]
print(num_primes)
