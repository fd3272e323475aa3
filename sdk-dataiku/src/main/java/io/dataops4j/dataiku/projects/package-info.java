/** DSS projects: list, get, create, delete. */
package io.dataops4j.dataiku.projects;
