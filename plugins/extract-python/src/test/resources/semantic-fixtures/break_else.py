for i in x:
    pass
else:
    break
