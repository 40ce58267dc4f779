package com.coditect.commerce;

import com.coditect.commerce.domain.OrderPayments;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.di.TokenModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the commerce function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TokenModule.class,
    CommerceModule.class})
public interface CommerceComponent {

  ProductRoutes productRoutes();

  CartRoutes cartRoutes();

  DiscountCodeRoutes discountCodeRoutes();

  OrderRoutes orderRoutes();

  OrderPayments orderPayments();

  /** Builds the component from the function's configs. */
  @Component.Factory
  interface Factory {
    CommerceComponent create(@BindsInstance AppConfig config, @BindsInstance StripeConfig stripe,
        @BindsInstance TokenConfig tokens);
  }
}
