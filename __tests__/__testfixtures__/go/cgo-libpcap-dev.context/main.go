package main

// #cgo LDFLAGS: -lpcap
// #include <pcap.h>
import "C"

func main() { println(C.pcap_lib_version() != nil) }
