/**
 * The hello lab: the smallest complete lab, a template for new ones (docs/architecture.md, "Adding
 * a lab") and the fixture that proves a lab needs nothing outside its own package but a catalog
 * entry: the CLI's tests run it through a catalog of their own.
 */
package dev.mlsandbox.hello.lab;
