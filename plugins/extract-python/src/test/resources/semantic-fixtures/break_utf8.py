é = 1
if x:
    pass
else:
    é ; break
