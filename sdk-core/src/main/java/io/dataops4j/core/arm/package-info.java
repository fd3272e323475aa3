/** Azure Resource Manager: {@link io.dataops4j.core.arm.ArmClient}, long-running operations, resource ids. */
package io.dataops4j.core.arm;
