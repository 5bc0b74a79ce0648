# The kernel tables: scalar everywhere; each ISA folder compiled with its own
# target flags, so the rest of the binary stays baseline for its architecture.
set(ACTENT_SCALAR_OPS sigmoid tanh relu softsign softplus hard_sigmoid selu relu6 elu leaky_relu
                      linear)

set(scalar_sources kernels/scalar/histogram_scalar.c kernels/scalar/minmax_scalar.c
                   kernels/scalar/table_scalar.c)
foreach(op IN LISTS ACTENT_SCALAR_OPS)
  list(APPEND scalar_sources kernels/scalar/${op}_scalar.c)
endforeach()

add_library(actent_kernels STATIC kernels/registry.c kernels/cpu.c ${scalar_sources})
target_include_directories(actent_kernels PUBLIC kernels)
target_link_libraries(actent_kernels PUBLIC m)
