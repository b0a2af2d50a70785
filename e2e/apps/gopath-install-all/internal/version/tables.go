package version

const (
	major = "1"
	minor = "4"
)
