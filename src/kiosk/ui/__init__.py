"""The visitor interface: Qt Quick views over the content model. The only package that imports Qt."""
