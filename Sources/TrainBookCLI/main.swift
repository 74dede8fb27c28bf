print("trainbook")
