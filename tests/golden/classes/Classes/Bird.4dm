// No constructor: new() arguments go to the parent constructor
Class extends Animal

property legs : Integer:=2
