// test path name relative (docs/commands-legacy or docs/commands: test-path-name.md: a relative path is resolved next to the structure (here the script folder))
ALERT(String(Test path name("test_path_name_relative.4dm")))
ALERT(String(Test path name("no_such_file.txt")))
