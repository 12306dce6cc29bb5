package org.solidarityhub.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface StaffAccounts extends ListCrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByEmailNormalized(String emailNormalized);

    List<StaffAccount> findAllByOrderByDisplayNameAsc();

    @Query("""
            SELECT COUNT(*) FROM staff_account a JOIN staff_account_role r ON r.staff_account = a.id
            WHERE a.active = TRUE AND r.role = 'ADMIN'""")
    long countActiveAdmins();

    /** Records a used TOTP time step, only if it is later than the last one (no replay, even in a race). */
    @Modifying
    @Query("""
            UPDATE staff_account SET totp_last_step = :step, version = version + 1
            WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
    int useTotpStep(@Param("id") long id, @Param("step") long step);
}
