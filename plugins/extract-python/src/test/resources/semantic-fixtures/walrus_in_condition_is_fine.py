[x for x in [1] if (z := x)]
return 1
