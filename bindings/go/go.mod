module mynumber/bindings/go

go 1.21
